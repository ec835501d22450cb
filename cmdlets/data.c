/*
** data: the data cmdlets (see data.h).  Argument plumbing (ParamSpec tables and the c->arg[]
** indexes, named by an enum beside each table) is kept apart from the cmdlet logic so the move
** to the parameter-set binder (runtime/binder.c) only touches the tables.  Buffering cmdlets
** keep their inputs in c->state (object[]) or a C struct at c->priv.
** Aliases follow pwsh on Linux: epcsv, ipcsv, sls.
*/
#include "cmdlets/data.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cmdlets/cmdutil.h"
#include "cmdlets/csv.h"
#include "cmdlets/fsitem.h"
#include "cmdlets/json.h"
#include "cmdlets/paths.h"
#include "cmdlets/stringdata.h"
#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/eval.h"
#include "runtime/mem.h"
#include "runtime/members_kinds.h"
#include "runtime/object.h"
#include "runtime/regex.h"
#include "runtime/runloc.h"
#include "runtime/streams.h"
#include "runtime/wildcard.h"

#define NPARAMS(p) (int)(sizeof(p) / sizeof(p[0]))

/* ================================================================ helpers ==== */

static Status emit_take(CmdCtx *c, Value v)
{
    Status st = pipe_emit(c->I, c->out, v);
    val_unref(v);
    return st;
}

/* c->state as a growing object[] of buffered inputs. */
static void buffer_push(CmdCtx *c, Value v)
{
    if (c->state.kind == VAL_NULL) c->state = arr_new(TY_OBJECT, 16);
    arr_push(c->state, v);
}

/* A non-terminating error of this command about target. */
static void write_err(CmdCtx *c, ErrCategory cat, const char *id, const char *target,
                      const char *msg)
{
    Value rec = cmdutil_error_rec(c, EXC_EXCEPTION, cat, id, val_null(), msg);
    if (target) {
        Value t = val_str(target);
        errrec_set_target(rec, t);
        val_unref(t);
    }
    cmd_write_error(c, rec);
    val_unref(rec);
}

static Status warn(CmdCtx *c, const char *msg)
{
    Value s = val_str(msg);
    Status st = stream_write(c->I, STREAM_WARN, s, c->node);
    val_unref(s);
    return st;
}

/* [ValidateRange(lo, hi)] of an Int32 argument. */
static Status check_range(CmdCtx *c, int i, long lo, long hi)
{
    if (!c->bound[i]) return ST_OK;
    long v = (long)c->arg[i].as.i;
    if (v >= lo && v <= hi) return ST_OK;
    int less = v < lo;
    long lim = less ? lo : hi;
    return cmdutil_fail(c, EXC_PARAMBIND, ERRCAT_INVALIDDATA, "ParameterArgumentValidationError",
                        "Cannot validate argument on parameter '%s'. The %ld argument is %s the %s "
                        "allowed range of %ld. Supply an argument that is %s %ld and then try the "
                        "command again.",
                        c->def->params[i].name, v, less ? "less than" : "greater than",
                        less ? "minimum" : "maximum", lim,
                        less ? "greater than or equal to" : "less than or equal to", lim);
}

/* Whole file contents; 0, or -1 (errno set). */
static int read_file(const char *path, StrBuf *out)
{
    FILE *f = fopen(path, "rb");
    if (!f) return -1;
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_append(out, buf, n);
    fclose(f);
    return 0;
}

static char *full_path(CmdCtx *c, const char *p)
{
    return path_full(runloc_get(c->I), getenv("HOME"), p);
}

/* The strings of a string-or-string[] argument (borrowed from v), *n of them; owned array. */
static const char **str_list(Value v, size_t *n)
{
    size_t cnt = val_is_array(v) ? arr_len(v) : val_is_null(v) ? 0 : 1;
    const char **out = xcalloc(cnt ? cnt : 1, sizeof *out);
    for (size_t i = 0; i < cnt; i++) {
        Value s = val_is_array(v) ? arr_peek(v, i) : v;
        out[i] = val_is_str(s) ? val_str_data(s) : "";
    }
    *n = cnt;
    return out;
}

/* ================================================================ ConvertTo-Json ==== */

static const char *const escape_names[] = {"Default", "EscapeNonAscii", "EscapeHtml"};

/* ConvertTo-Json [-InputObject] <Object> [-Depth <int>] [-Compress] [-EnumsAsStrings]
 *                [-AsArray] [-EscapeHandling <StringEscapeHandling>] */
enum { TJ_INPUT, TJ_DEPTH, TJ_COMPRESS, TJ_ENUMS, TJ_ASARRAY, TJ_ESCAPE };
static const ParamSpec to_json_params[] = {
    [TJ_INPUT] = {.name = "InputObject",
                  .type = TY_OBJECT,
                  .position = 0,
                  .flags = PS_PIPELINE | PS_MANDATORY | PS_ALLOWNULL},
    [TJ_DEPTH] = {.name = "Depth", .type = TY_INT32, .position = -1},
    [TJ_COMPRESS] = {.name = "Compress", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [TJ_ENUMS] = {.name = "EnumsAsStrings", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [TJ_ASARRAY] = {.name = "AsArray", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [TJ_ESCAPE] = {.name = "EscapeHandling", .type = TY_OBJECT, .position = -1},
};

static Status to_json_opts(CmdCtx *c, JsonOpts *o)
{
    json_opts_init(o);
    Status st = check_range(c, TJ_DEPTH, 0, 100);
    if (st) return st;
    if (c->bound[TJ_DEPTH]) o->depth = (int)c->arg[TJ_DEPTH].as.i;
    o->compress = cmdutil_flag(c, TJ_COMPRESS);
    o->enums_as_strings = cmdutil_flag(c, TJ_ENUMS);
    int esc = 0;
    if (c->bound[TJ_ESCAPE])
        st = cmdutil_enum_arg(c, TJ_ESCAPE, escape_names, 3,
                              "Newtonsoft.Json.StringEscapeHandling", &esc);
    o->escape = (JsonEscape)esc;
    return st;
}

static Status to_json_end(CmdCtx *c)
{
    size_t n = c->state.kind == VAL_NULL ? 0 : arr_len(c->state);
    if (n == 0) return ST_OK;
    JsonOpts o;
    Status st = to_json_opts(c, &o);
    if (st) return st;
    o.as_array = n == 1 && cmdutil_flag(c, TJ_ASARRAY);
    Value v = n == 1 ? arr_peek(c->state, 0) : c->state;
    StrBuf out = {0};
    JsonError err;
    json_error_init(&err);
    if (json_write(v, &o, &out, &err) != 0) {
        sb_free(&out);
        return cmdutil_fail(c, EXC_INVALIDOP, ERRCAT_INVALIDOPERATION, err.id, "%s", err.msg);
    }
    if (err.warning[0] && (st = warn(c, err.warning))) {
        sb_free(&out);
        return st;
    }
    return emit_take(c, val_str_take_sb(&out));
}

static Status to_json(CmdCtx *c)
{
    if (c->phase == CMD_PROCESS && !c->has_input && cmdutil_check_mandatory(c, 1)) return ST_THROW;
    if (c->phase == CMD_BEGIN) {
        JsonOpts o;
        return to_json_opts(c, &o);
    }
    if (c->phase == CMD_END) return to_json_end(c);
    if (c->has_input)
        buffer_push(c, c->input);
    else if (c->bound[TJ_INPUT])
        buffer_push(c, c->arg[TJ_INPUT]);
    return ST_OK;
}

/* ================================================================ ConvertFrom-Json ==== */

/* ConvertFrom-Json [-InputObject] <string> [-AsHashtable] [-Depth <int>] [-NoEnumerate]
 *                  [-DateKind <JsonDateKind>] */
enum { FJ_INPUT, FJ_ASHASH, FJ_DEPTH, FJ_NOENUM, FJ_DATEKIND };
static const ParamSpec from_json_params[] = {
    [FJ_INPUT] = {.name = "InputObject",
                  .type = TY_STRING,
                  .position = 0,
                  .flags = PS_PIPELINE | PS_MANDATORY},
    [FJ_ASHASH] = {.name = "AsHashtable", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [FJ_DEPTH] = {.name = "Depth", .type = TY_INT32, .position = -1},
    [FJ_NOENUM] = {.name = "NoEnumerate", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [FJ_DATEKIND] = {.name = "DateKind", .type = TY_STRING, .position = -1},
};

/* Parse s; 1 and *out on success, 0 with err filled. */
static int from_json_parse(CmdCtx *c, const char *s, size_t n, Value *out, JsonError *err)
{
    json_error_init(err);
    int depth = c->bound[FJ_DEPTH] ? (int)c->arg[FJ_DEPTH].as.i : 1024;
    return json_parse(s, n, cmdutil_flag(c, FJ_ASHASH), depth, out, err) == 0;
}

static Status from_json_emit(CmdCtx *c, Value v)
{
    Status st = cmdutil_flag(c, FJ_NOENUM) ? pipe_put(c->I, c->out, v) : pipe_emit(c->I, c->out, v);
    val_unref(v);
    return st;
}

static Status from_json_fail(CmdCtx *c, const JsonError *err)
{
    return cmdutil_fail(c, EXC_ARGUMENT, ERRCAT_NOTSPECIFIED,
                        err->id ? err->id : "System.ArgumentException", "%s", err->msg);
}

/* The first string alone; if that parses each further one alone, else all joined by "\n". */
static Status from_json_end(CmdCtx *c)
{
    size_t n = c->state.kind == VAL_NULL ? 0 : arr_len(c->state);
    if (n == 0) return ST_OK;
    JsonError err;
    Value v, first = arr_peek(c->state, 0);
    if (from_json_parse(c, val_str_data(first), val_str_len(first), &v, &err)) {
        Status st = from_json_emit(c, v);
        for (size_t i = 1; i < n && !st; i++) {
            Value s = arr_peek(c->state, i);
            if (!from_json_parse(c, val_str_data(s), val_str_len(s), &v, &err))
                return from_json_fail(c, &err);
            st = from_json_emit(c, v);
        }
        return st;
    }
    StrBuf all = {0};
    for (size_t i = 0; i < n; i++) {
        if (i) sb_putc(&all, '\n');
        Value s = arr_peek(c->state, i);
        sb_append(&all, val_str_data(s), val_str_len(s));
    }
    int ok = n > 1 && from_json_parse(c, sb_str(&all), all.len, &v, &err);
    sb_free(&all);
    return ok ? from_json_emit(c, v) : from_json_fail(c, &err);
}

static Status from_json(CmdCtx *c)
{
    if (c->phase == CMD_PROCESS && !c->has_input && cmdutil_check_mandatory(c, 1)) return ST_THROW;
    if (c->phase == CMD_BEGIN) return check_range(c, FJ_DEPTH, 1, 2147483647);
    if (c->phase == CMD_END) return from_json_end(c);
    Value s = c->has_input ? c->input : c->arg[FJ_INPUT];
    if (!c->has_input && !c->bound[FJ_INPUT]) return ST_OK;
    Value str = val_is_null(s) ? val_str("") : convert_to_string(s, NULL);
    buffer_push(c, str);
    val_unref(str);
    return ST_OK;
}

/* ================================================================ CSV writers ==== */

static const char *const quote_names[] = {"Never", "Always", "AsNeeded"};
static const CsvQuote quote_kinds[] = {CSV_QUOTE_NEVER, CSV_QUOTE_ALWAYS, CSV_QUOTE_ASNEEDED};

/* The writer options shared by ConvertTo-Csv and Export-Csv (argument indexes differ). */
typedef struct CsvArgIdx {
    int delim, culture, typeinfo, notype, quotefields, usequotes, noheader;
} CsvArgIdx;

/* State of a writing cmdlet across phases. */
typedef struct CsvWriteState {
    CsvWriter *w;
    const char **qfields; /* -QuoteFields strings (borrowed from c->arg) */
    StrBuf text;          /* Export-Csv: the lines to write */
    int started;          /* first object seen */
    int failed;           /* Export-Csv: the file could not be opened */
} CsvWriteState;

static void csv_state_free(void *p)
{
    CsvWriteState *s = p;
    if (s->w) csv_writer_free(s->w);
    free(s->qfields);
    sb_free(&s->text);
    free(s);
}

static Status delim_arg(CmdCtx *c, int i, CsvOpts *o)
{
    if (!c->bound[i]) return ST_OK;
    Value v = val_base(c->arg[i]);
    if (v.kind == VAL_CHAR) {
        o->delimiter = (uint32_t)v.as.u;
        return ST_OK;
    }
    Value s = convert_to_string(v, NULL);
    size_t used = 0;
    if (val_str_len(s) > 0) o->delimiter = utf8_decode(val_str_data(s), val_str_len(s), &used);
    Status st = ST_OK;
    if (val_str_len(s) == 0 || used != val_str_len(s))
        st =
            cmdutil_fail(c, EXC_PARAMBIND, ERRCAT_INVALIDARGUMENT, "CannotConvertArgumentNoMessage",
                         "Cannot bind parameter 'Delimiter'. Cannot convert value \"%s\" to type "
                         "\"System.Char\". Error: \"String must be exactly one character long.\"",
                         val_str_data(s));
    val_unref(s);
    return st;
}

static Status csv_write_opts(CmdCtx *c, const CsvArgIdx *ix, CsvOpts *o, CsvWriteState *s)
{
    csv_opts_init(o);
    Status st = delim_arg(c, ix->delim, o);
    if (st) return st;
    if (cmdutil_flag(c, ix->culture)) o->delimiter = ',';
    o->include_type = cmdutil_flag(c, ix->typeinfo) && !cmdutil_flag(c, ix->notype);
    o->no_header = cmdutil_flag(c, ix->noheader);
    if (c->bound[ix->usequotes]) {
        int q;
        if ((st = cmdutil_enum_arg(c, ix->usequotes, quote_names, 3,
                                   "Microsoft.PowerShell.Commands.BaseCsvWritingCommand+QuoteKind", &q)))
            return st;
        o->quote = quote_kinds[q];
    }
    if (c->bound[ix->quotefields]) {
        s->qfields = str_list(c->arg[ix->quotefields], &o->nquote_fields);
        o->quote_fields = s->qfields;
    }
    return ST_OK;
}

/* The state at c->priv, created with the writer on first use. */
static Status csv_state(CmdCtx *c, const CsvArgIdx *ix, CsvWriteState **out)
{
    if (c->priv) {
        *out = c->priv;
        return ST_OK;
    }
    CsvWriteState *s = xcalloc(1, sizeof *s);
    c->priv = s;
    c->priv_free = csv_state_free;
    CsvOpts o;
    Status st = csv_write_opts(c, ix, &o, s);
    s->w = csv_writer_new(&o);
    *out = s;
    return st;
}

/* The writer options ConvertTo-Csv and Export-Csv share, for a table whose enum names them
 * <P>_CULTURE, <P>_TYPE, <P>_NOTYPE, <P>_QFIELDS, <P>_USEQUOTES and <P>_NOHEADER. */
#define CSV_WRITER_PARAMS(P)                                                                       \
    [P##_CULTURE] = {.name = "UseCulture", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH}, \
    [P##_TYPE] = {.name = "IncludeTypeInformation",                                                \
                  .alias = "ITI",                                                                  \
                  .type = TY_SWITCH,                                                               \
                  .position = -1,                                                                  \
                  .flags = PS_SWITCH},                                                             \
    [P##_NOTYPE] = {.name = "NoTypeInformation",                                                   \
                    .alias = "NTI",                                                                \
                    .type = TY_SWITCH,                                                             \
                    .position = -1,                                                                \
                    .flags = PS_SWITCH},                                                           \
    [P##_QFIELDS] = {.name = "QuoteFields",                                                        \
                     .alias = "QF",                                                                \
                     .type = TY_STRING,                                                            \
                     .is_array = 1,                                                                \
                     .position = -1},                                                              \
    [P##_USEQUOTES] = {.name = "UseQuotes", .alias = "UQ", .type = TY_OBJECT, .position = -1},     \
    [P##_NOHEADER] = {.name = "NoHeader", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH}
#define CSV_ARG_IDX(P)                                                                             \
    {                                                                                              \
        P##_DELIM, P##_CULTURE, P##_TYPE, P##_NOTYPE, P##_QFIELDS, P##_USEQUOTES, P##_NOHEADER     \
    }

/* ConvertTo-Csv [-InputObject] <PSObject> [[-Delimiter] <char>] [-UseCulture]
 *               [-IncludeTypeInformation] [-NoTypeInformation] [-QuoteFields <string[]>]
 *               [-UseQuotes <QuoteKind>] [-NoHeader] */
enum { TC_INPUT, TC_DELIM, TC_CULTURE, TC_TYPE, TC_NOTYPE, TC_QFIELDS, TC_USEQUOTES, TC_NOHEADER };
static const ParamSpec to_csv_params[] = {
    [TC_INPUT] = {.name = "InputObject",
                  .type = TY_OBJECT,
                  .position = 0,
                  .flags = PS_PIPELINE | PS_MANDATORY},
    [TC_DELIM] = {.name = "Delimiter", .type = TY_OBJECT, .position = 1},
    CSV_WRITER_PARAMS(TC),
};
static const CsvArgIdx to_csv_ix = CSV_ARG_IDX(TC);

static Status to_csv(CmdCtx *c)
{
    if (c->phase == CMD_PROCESS && !c->has_input && cmdutil_check_mandatory(c, 1)) return ST_THROW;
    CsvWriteState *s;
    if (c->phase == CMD_BEGIN) return csv_state(c, &to_csv_ix, &s);
    if (c->phase != CMD_PROCESS) return ST_OK;
    if (!c->has_input && !c->bound[TC_INPUT]) return ST_OK;
    Value obj = c->has_input ? c->input : c->arg[TC_INPUT];
    if (val_is_null(obj)) return ST_OK;
    Status st = csv_state(c, &to_csv_ix, &s);
    if (st) return st;
    Value lines = arr_new(TY_OBJECT, 4);
    csv_write_object(s->w, obj, lines);
    for (size_t i = 0; i < arr_len(lines) && !st; i++)
        st = pipe_emit(c->I, c->out, arr_peek(lines, i));
    val_unref(lines);
    return st;
}

/* Export-Csv [[-Path] <string>] [-LiteralPath <string>] -InputObject <PSObject>
 *            [[-Delimiter] <char>] [-UseCulture] [-Append] [-Force] [-NoClobber]
 *            [-Encoding <Encoding>] [-IncludeTypeInformation] [-NoTypeInformation]
 *            [-QuoteFields <string[]>] [-UseQuotes <QuoteKind>] [-NoHeader] */
enum {
    EC_PATH,
    EC_DELIM,
    EC_INPUT,
    EC_LITERAL,
    EC_CULTURE,
    EC_APPEND,
    EC_FORCE,
    EC_NOCLOBBER,
    EC_ENCODING,
    EC_TYPE,
    EC_NOTYPE,
    EC_QFIELDS,
    EC_USEQUOTES,
    EC_NOHEADER
};
static const ParamSpec export_csv_params[] = {
    [EC_PATH] = {.name = "Path", .type = TY_STRING, .position = 0},
    [EC_DELIM] = {.name = "Delimiter", .type = TY_OBJECT, .position = 1},
    [EC_INPUT] = {.name = "InputObject",
                  .type = TY_OBJECT,
                  .position = -1,
                  .flags = PS_PIPELINE | PS_MANDATORY},
    [EC_LITERAL] = {.name = "LiteralPath", .alias = "PSPath", .type = TY_STRING, .position = -1},
    [EC_APPEND] = {.name = "Append", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [EC_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [EC_NOCLOBBER] = {.name = "NoClobber",
                      .alias = "NoOverwrite",
                      .type = TY_SWITCH,
                      .position = -1,
                      .flags = PS_SWITCH},
    [EC_ENCODING] = {.name = "Encoding", .type = TY_OBJECT, .position = -1},
    CSV_WRITER_PARAMS(EC),
};
static const CsvArgIdx export_csv_ix = CSV_ARG_IDX(EC);

static const char *export_path(CmdCtx *c)
{
    int i = c->bound[EC_LITERAL] ? EC_LITERAL : EC_PATH;
    return c->bound[i] ? val_str_data(c->arg[i]) : NULL;
}

/* -Append to an existing, non-empty file: its header fixes the columns and is not written
 * again. */
static void export_append_columns(CmdCtx *c, CsvWriteState *s, const char *full)
{
    StrBuf old = {0};
    if (read_file(full, &old) == 0 && old.len > 0) {
        CsvOpts o;
        csv_opts_init(&o);
        delim_arg(c, EC_DELIM, &o);
        Value names = csv_header_names(old.buf, old.len, &o);
        size_t n = arr_len(names);
        const char **cols = xcalloc(n ? n : 1, sizeof *cols);
        for (size_t i = 0; i < n; i++)
            cols[i] = val_str_data(arr_peek(names, i));
        if (n) {
            csv_writer_set_columns(s->w, cols, n);
            s->started = 1;
        }
        free(cols);
        val_unref(names);
    }
    sb_free(&old);
}

static Status export_begin(CmdCtx *c)
{
    CsvWriteState *s;
    Status st = csv_state(c, &export_csv_ix, &s);
    if (st) return st;
    const char *p = export_path(c);
    if (!p)
        return cmdutil_fail(
            c, EXC_ARGUMENT, ERRCAT_INVALIDARGUMENT, "CannotSpecifyPathAndLiteralPath",
            "You must specify either the -Path or -LiteralPath parameters, but not both.");
    char *full = full_path(c, p);
    if (cmdutil_flag(c, EC_NOCLOBBER) && !cmdutil_flag(c, EC_APPEND) && access(full, F_OK) == 0) {
        st = cmdutil_fail(c, EXC_EXCEPTION, ERRCAT_INVALIDOPERATION, "NoClobber",
                          "The file '%s' already exists.", full);
        free(full);
        return st;
    }
    if (cmdutil_flag(c, EC_APPEND)) export_append_columns(c, s, full);
    free(full);
    return ST_OK;
}

static Status export_process(CmdCtx *c)
{
    CsvWriteState *s;
    Status st = csv_state(c, &export_csv_ix, &s);
    Value obj = c->has_input ? c->input : c->arg[EC_INPUT];
    if (st || val_is_null(obj)) return st;
    if (!s->started) {
        s->started = 1;
        csv_writer_columns_from(s->w, obj);
        if (cmdutil_flag(c, EC_TYPE) && !cmdutil_flag(c, EC_NOTYPE)) {
            csv_write_type(obj, &s->text);
            sb_putc(&s->text, '\n');
        }
        if (!cmdutil_flag(c, EC_NOHEADER)) {
            csv_write_header(s->w, &s->text);
            sb_putc(&s->text, '\n');
        }
    } else if (cmdutil_flag(c, EC_APPEND) && !cmdutil_flag(c, EC_FORCE)) {
        CsvError err;
        memset(&err, 0, sizeof err);
        char *full = full_path(c, export_path(c));
        int bad = csv_writer_check_append(s->w, obj, full, &err);
        free(full);
        if (bad) return cmdutil_fail(c, EXC_INVALIDOP, ERRCAT_INVALIDDATA, err.id, "%s", err.msg);
    }
    csv_write_row(s->w, obj, &s->text);
    sb_putc(&s->text, '\n');
    return ST_OK;
}

static Status export_end(CmdCtx *c)
{
    CsvWriteState *s = c->priv;
    if (!s) return ST_OK;
    char *full = full_path(c, export_path(c));
    FILE *f = fopen(full, cmdutil_flag(c, EC_APPEND) ? "ab" : "wb");
    Status st = ST_OK;
    if (!f) {
        st = cmdutil_fail(c, EXC_EXCEPTION, ERRCAT_OBJECTNOTFOUND, "FileOpenFailure",
                          "Could not find a part of the path '%s'.", full);
    } else {
        fwrite(s->text.buf ? s->text.buf : "", 1, s->text.len, f);
        fclose(f);
    }
    free(full);
    return st;
}

static Status export_csv(CmdCtx *c)
{
    if (c->phase == CMD_PROCESS && !c->has_input && cmdutil_check_mandatory(c, 1)) return ST_THROW;
    if (c->phase == CMD_BEGIN) return export_begin(c);
    if (c->phase == CMD_END) return export_end(c);
    if (!c->has_input && !c->bound[EC_INPUT]) return ST_OK;
    return export_process(c);
}

/* ================================================================ CSV readers ==== */

/* Parse text and write its records; the header warning goes to the warning stream. */
static Status csv_emit_parsed(CmdCtx *c, const char *s, size_t n, const CsvOpts *o)
{
    Value rows;
    CsvError err;
    memset(&err, 0, sizeof err);
    if (csv_parse(s, n, o, &rows, &err) != 0)
        return cmdutil_fail(c, EXC_ARGUMENT, ERRCAT_NOTSPECIFIED, err.id, "%s", err.msg);
    Status st = err.warning[0] ? warn(c, err.warning) : ST_OK;
    for (size_t i = 0; i < arr_len(rows) && !st; i++)
        st = pipe_emit(c->I, c->out, arr_peek(rows, i));
    val_unref(rows);
    return st;
}

/* Reader options: -Delimiter, -UseCulture, -Header (strings borrowed from c->arg; the array
 * *hdr is owned by the caller). */
static Status csv_read_opts(CmdCtx *c, int delim, int culture, int header, CsvOpts *o,
                            const char ***hdr)
{
    csv_opts_init(o);
    Status st = delim_arg(c, delim, o);
    if (cmdutil_flag(c, culture)) o->delimiter = ',';
    *hdr = NULL;
    if (!st && c->bound[header] && !val_is_null(c->arg[header])) {
        *hdr = str_list(c->arg[header], &o->nheader);
        o->header = *hdr;
    }
    return st;
}

/* ConvertFrom-Csv [-InputObject] <PSObject[]> [[-Delimiter] <char>] [-UseCulture]
 *                 [-Header <string[]>] */
enum { FC_INPUT, FC_DELIM, FC_CULTURE, FC_HEADER };
static const ParamSpec from_csv_params[] = {
    [FC_INPUT] = {.name = "InputObject",
                  .type = TY_OBJECT,
                  .position = 0,
                  .flags = PS_PIPELINE | PS_MANDATORY},
    [FC_DELIM] = {.name = "Delimiter", .type = TY_OBJECT, .position = 1},
    [FC_CULTURE] = {.name = "UseCulture", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [FC_HEADER] = {.name = "Header", .type = TY_STRING, .is_array = 1, .position = -1},
};

static void from_csv_collect(CmdCtx *c, Value v)
{
    if (val_is_array(v)) {
        for (size_t i = 0; i < arr_len(v); i++)
            from_csv_collect(c, arr_peek(v, i));
        return;
    }
    Value s = val_is_null(v) ? val_str("") : convert_to_string(v, NULL);
    buffer_push(c, s);
    val_unref(s);
}

static Status from_csv_end(CmdCtx *c)
{
    if (c->state.kind == VAL_NULL) return ST_OK;
    StrBuf all = {0};
    for (size_t i = 0; i < arr_len(c->state); i++) {
        if (i) sb_putc(&all, '\n');
        Value s = arr_peek(c->state, i);
        sb_append(&all, val_str_data(s), val_str_len(s));
    }
    CsvOpts o;
    const char **hdr;
    Status st = csv_read_opts(c, FC_DELIM, FC_CULTURE, FC_HEADER, &o, &hdr);
    if (!st) st = csv_emit_parsed(c, sb_str(&all), all.len, &o);
    free(hdr);
    sb_free(&all);
    return st;
}

static Status from_csv(CmdCtx *c)
{
    if (c->phase == CMD_PROCESS && !c->has_input && cmdutil_check_mandatory(c, 1)) return ST_THROW;
    if (c->phase == CMD_END) return from_csv_end(c);
    if (c->phase != CMD_PROCESS) return ST_OK;
    if (c->has_input)
        from_csv_collect(c, c->input);
    else if (c->bound[FC_INPUT])
        from_csv_collect(c, c->arg[FC_INPUT]);
    return ST_OK;
}

/* Import-Csv [[-Path] <string[]>] [-LiteralPath <string[]>] [[-Delimiter] <char>]
 *            [-UseCulture] [-Header <string[]>] [-Encoding <Encoding>] */
enum { IC_PATH, IC_DELIM, IC_LITERAL, IC_CULTURE, IC_HEADER, IC_ENCODING };
static const ParamSpec import_csv_params[] = {
    [IC_PATH] =
        {.name = "Path", .type = TY_STRING, .is_array = 1, .position = 0, .flags = PS_PIPELINE},
    [IC_DELIM] = {.name = "Delimiter", .type = TY_OBJECT, .position = 1},
    [IC_LITERAL] = {.name = "LiteralPath",
                    .alias = "PSPath",
                    .type = TY_STRING,
                    .is_array = 1,
                    .position = -1},
    [IC_CULTURE] = {.name = "UseCulture", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [IC_HEADER] = {.name = "Header", .type = TY_STRING, .is_array = 1, .position = -1},
    [IC_ENCODING] = {.name = "Encoding", .type = TY_OBJECT, .position = -1},
};

/* Each file matching one -Path (wildcards) or -LiteralPath. */
static Status import_one(CmdCtx *c, const char *path, int literal, const CsvOpts *o)
{
    char **list = NULL;
    FsError fe;
    int n = path_resolve(runloc_get(c->I), getenv("HOME"), path, literal ? PATH_LITERAL : 0,
                         &list, &fe);
    if (n < 0) {
        char *full = full_path(c, path);
        StrBuf msg = {0};
        sb_printf(&msg, "Could not find file '%s'.", full);
        write_err(c, ERRCAT_OBJECTNOTFOUND, "FileOpenFailure", full, sb_str(&msg));
        sb_free(&msg);
        free(full);
        return ST_OK;
    }
    Status st = ST_OK;
    for (int i = 0; i < n && !st; i++) {
        StrBuf text = {0};
        if (read_file(list[i], &text) == 0) st = csv_emit_parsed(c, sb_str(&text), text.len, o);
        sb_free(&text);
    }
    path_list_free(list, n);
    return st;
}

static Status import_csv(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    int literal = c->bound[IC_LITERAL];
    Value paths = c->has_input ? c->input : c->arg[literal ? IC_LITERAL : IC_PATH];
    CsvOpts o;
    const char **hdr;
    Status st = csv_read_opts(c, IC_DELIM, IC_CULTURE, IC_HEADER, &o, &hdr);
    size_t np = 0;
    const char **p = st ? NULL : str_list(paths, &np);
    if (!st && np == 0)
        st = cmdutil_fail(
            c, EXC_PARAMBIND, ERRCAT_INVALIDARGUMENT, "MissingMandatoryParameter",
            "Cannot process command because of one or more missing mandatory parameters: "
            "Path.");
    for (size_t i = 0; i < np && !st; i++)
        st = import_one(c, p[i], literal, &o);
    free(p);
    free(hdr);
    return st;
}

/* ================================================================ MatchInfo ==== */

/* Microsoft.PowerShell.Commands.MatchInfo.  It has no property table for the formatter: it is
 * shown by its ToString ("path:line:text", or the text for piped strings), as pwsh's view
 * does; the properties are read by name. */
typedef struct MatchInfo {
    Obj obj;
    Value line;    /* String */
    long lineno;   /* LineNumber */
    char *path;    /* full path, or NULL for InputStream */
    char *shown;   /* path as displayed: relative to the location the match was made in */
    Value pattern; /* String */
    Value matches; /* Match[] (object[]) */
    Value pre;     /* Context.PreContext (string[]) or $null without -Context */
    Value post;    /* Context.PostContext */
    Value dpre;    /* Context.DisplayPreContext (what ToString shows) */
    Value dpost;   /* Context.DisplayPostContext */
    int ignore_case;
} MatchInfo;

static void mi_free(Obj *o)
{
    MatchInfo *m = (MatchInfo *)o;
    val_unref(m->line);
    val_unref(m->pattern);
    val_unref(m->matches);
    val_unref(m->pre);
    val_unref(m->post);
    val_unref(m->dpre);
    val_unref(m->dpost);
    free(m->path);
    free(m->shown);
}

/* pwsh's MatchInfo.RelativePath(dir): path without its dir prefix (compared ignoring case)
 * when a separator follows it, else path.  Borrowed from path. */
static const char *relative_path(const char *path, const char *dir)
{
    size_t n = strlen(dir);
    if (!n || strlen(path) <= n || strncasecmp(path, dir, n) != 0) return path;
    if (dir[n - 1] == '/') return path + n;
    return path[n] == '/' ? path + n + 1 : path;
}

static void mi_line(const MatchInfo *m, const char *prefix, const char *text, long no, StrBuf *out)
{
    sb_puts(out, prefix);
    if (m->path) {
        sb_puts(out, m->shown);
        sb_printf(out, ":%ld:", no);
    }
    sb_puts(out, text);
}

static void mi_to_string(Value self, StrBuf *out)
{
    const MatchInfo *m = (const MatchInfo *)self.as.o;
    if (val_is_null(m->dpre)) {
        mi_line(m, "", val_str_data(m->line), m->lineno, out);
        return;
    }
    long no = m->lineno - (long)arr_len(m->dpre);
    for (size_t i = 0; i < arr_len(m->dpre); i++, no++) {
        mi_line(m, "  ", val_str_data(arr_peek(m->dpre, i)), no, out);
        sb_putc(out, '\n');
    }
    mi_line(m, "> ", val_str_data(m->line), no++, out);
    for (size_t i = 0; i < arr_len(m->dpost); i++, no++) {
        sb_putc(out, '\n');
        mi_line(m, "  ", val_str_data(arr_peek(m->dpost, i)), no, out);
    }
}

static Value mi_context(const MatchInfo *m)
{
    if (val_is_null(m->pre)) return val_null();
    Value ctx = object_new_custom();
    object_set_prop(ctx, "PreContext", 10, m->pre);
    object_set_prop(ctx, "PostContext", 11, m->post);
    object_set_prop(ctx, "DisplayPreContext", 17, m->dpre);
    object_set_prop(ctx, "DisplayPostContext", 18, m->dpost);
    return ctx;
}

static int mi_get(Value self, const char *name, size_t len, Value *out)
{
    const MatchInfo *m = (const MatchInfo *)self.as.o;
    const char *path = m->path ? m->path : "InputStream";
    const char *base = strrchr(path, '/');
    if (str_ieq_slice(name, len, "Line"))
        *out = val_ref(m->line);
    else if (str_ieq_slice(name, len, "LineNumber"))
        *out = val_int((int32_t)m->lineno);
    else if (str_ieq_slice(name, len, "Path"))
        *out = val_str(path);
    else if (str_ieq_slice(name, len, "Filename"))
        *out = val_str(base ? base + 1 : path);
    else if (str_ieq_slice(name, len, "Pattern"))
        *out = val_ref(m->pattern);
    else if (str_ieq_slice(name, len, "Matches"))
        *out = val_ref(m->matches);
    else if (str_ieq_slice(name, len, "IgnoreCase"))
        *out = val_bool(m->ignore_case);
    else if (str_ieq_slice(name, len, "Context"))
        *out = mi_context(m);
    else
        return 0;
    return 1;
}

static const ObjClass cls_matchinfo = {.name = "MatchInfo",
                                       .full_name = "Microsoft.PowerShell.Commands.MatchInfo",
                                       .type = TY_OTHER,
                                       .free = mi_free,
                                       .to_string = mi_to_string,
                                       .get_prop = mi_get};

/* ================================================================ Select-String ==== */

/* Select-String [-Pattern] <string[]> [-InputObject] <PSObject> | [-Path] <string[]> |
 *               -LiteralPath <string[]> [-SimpleMatch] [-CaseSensitive] [-NotMatch]
 *               [-AllMatches] [-Context <int[]>] [-Raw] [-Quiet] [-List] [-NoEmphasis]
 *               [-Include <string[]>] [-Exclude <string[]>] [-Encoding <Encoding>]
 *               [-Culture <string>] */
enum {
    SS_PATTERN,
    SS_PATH,
    SS_INPUT,
    SS_LITERAL,
    SS_SIMPLE,
    SS_CASE,
    SS_NOTMATCH,
    SS_ALL,
    SS_CONTEXT,
    SS_RAW,
    SS_QUIET,
    SS_LIST,
    SS_NOEMPH,
    SS_INCLUDE,
    SS_EXCLUDE,
    SS_ENCODING,
    SS_CULTURE
};
static const ParamSpec select_string_params[] = {
    [SS_PATTERN] =
        {.name = "Pattern", .type = TY_STRING, .is_array = 1, .position = 0, .flags = PS_MANDATORY},
    [SS_PATH] = {.name = "Path", .type = TY_STRING, .is_array = 1, .position = 1},
    [SS_INPUT] = {.name = "InputObject", .type = TY_OBJECT, .position = -1, .flags = PS_PIPELINE},
    [SS_LITERAL] = {.name = "LiteralPath",
                    .alias = "PSPath",
                    .type = TY_STRING,
                    .is_array = 1,
                    .position = -1},
    [SS_SIMPLE] = {.name = "SimpleMatch", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SS_CASE] = {.name = "CaseSensitive", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SS_NOTMATCH] = {.name = "NotMatch", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SS_ALL] = {.name = "AllMatches", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SS_CONTEXT] = {.name = "Context", .type = TY_INT32, .is_array = 1, .position = -1},
    [SS_RAW] = {.name = "Raw", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SS_QUIET] = {.name = "Quiet", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SS_LIST] = {.name = "List", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SS_NOEMPH] = {.name = "NoEmphasis", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SS_INCLUDE] = {.name = "Include", .type = TY_STRING, .is_array = 1, .position = -1},
    [SS_EXCLUDE] = {.name = "Exclude", .type = TY_STRING, .is_array = 1, .position = -1},
    [SS_ENCODING] = {.name = "Encoding", .type = TY_OBJECT, .position = -1},
    [SS_CULTURE] = {.name = "Culture", .type = TY_STRING, .position = -1},
};

/* The matcher, built in the begin phase and kept at c->priv. */
typedef struct Sls {
    Regex **re; /* one per pattern (SimpleMatch: the escaped text, for matching only) */
    Value *pat; /* the patterns as given (borrowed from c->arg) */
    size_t npat;
    int simple, notmatch, all, raw, quiet, list, ignore_case;
    long pre, post;  /* -Context */
    int context;     /* -Context given */
    long lineno;     /* piped strings seen */
    int found;       /* something matched (files of the current input, for -Quiet) */
    int stream_done; /* -Quiet: the input stream needs no more lines */
    Value lines;     /* -Context with piped strings: buffered (object[]) */
} Sls;

static void sls_free(void *p)
{
    Sls *s = p;
    for (size_t i = 0; i < s->npat; i++)
        rx_unref(s->re[i]);
    free(s->re);
    free(s->pat);
    val_unref(s->lines);
    free(s);
}

static Status sls_compile(CmdCtx *c, Sls *s)
{
    Value p = c->arg[SS_PATTERN];
    s->npat = val_is_array(p) ? arr_len(p) : 1;
    s->re = xcalloc(s->npat ? s->npat : 1, sizeof *s->re);
    s->pat = xcalloc(s->npat ? s->npat : 1, sizeof *s->pat);
    unsigned opts = s->ignore_case ? RX_IGNORECASE : 0;
    for (size_t i = 0; i < s->npat; i++) {
        s->pat[i] = val_is_array(p) ? arr_peek(p, i) : p;
        const char *txt = val_str_data(s->pat[i]);
        StrBuf esc = {0};
        if (s->simple) rx_escape(txt, val_str_len(s->pat[i]), &esc);
        char *err = NULL;
        s->re[i] = s->simple ? rx_cache_get(c->I->rx, sb_str(&esc), esc.len, opts, &err)
                             : rx_cache_get(c->I->rx, txt, val_str_len(s->pat[i]), opts, &err);
        sb_free(&esc);
        if (!s->re[i]) {
            Status st =
                cmdutil_fail(c, EXC_ARGUMENT, ERRCAT_INVALIDARGUMENT, "InvalidRegex",
                             "The string '%s' is not a valid regular expression: %s", txt, err);
            free(err);
            return st;
        }
    }
    return ST_OK;
}

static Status sls_begin(CmdCtx *c)
{
    Sls *s = xcalloc(1, sizeof *s);
    c->priv = s;
    c->priv_free = sls_free;
    s->simple = cmdutil_flag(c, SS_SIMPLE);
    s->notmatch = cmdutil_flag(c, SS_NOTMATCH);
    s->all = cmdutil_flag(c, SS_ALL);
    s->raw = cmdutil_flag(c, SS_RAW);
    s->quiet = cmdutil_flag(c, SS_QUIET);
    s->list = cmdutil_flag(c, SS_LIST);
    s->ignore_case = !cmdutil_flag(c, SS_CASE);
    s->lines = val_null();
    if (c->bound[SS_CONTEXT] && !s->quiet && !s->raw) {
        Value v = c->arg[SS_CONTEXT];
        size_t n = val_is_array(v) ? arr_len(v) : 1;
        Value a = val_is_array(v) ? arr_peek(v, 0) : v;
        Value b = val_is_array(v) && n > 1 ? arr_peek(v, 1) : a;
        s->context = 1;
        s->pre = a.as.i < 0 ? 0 : (long)a.as.i;
        s->post = b.as.i < 0 ? 0 : (long)b.as.i;
    }
    return sls_compile(c, s);
}

/* Match one line against the patterns.  1 when selected (NotMatch inverts); *pat and
 * *matches (a new object[]) describe it. */
static int sls_test(Sls *s, Value line, Value *pat, Value *matches)
{
    const char *t = val_str_data(line);
    size_t n = val_str_len(line);
    *matches = arr_new(TY_OBJECT, 1);
    *pat = s->npat ? s->pat[0] : val_null();
    RxMatch m = {0};
    int hit = 0;
    for (size_t i = 0; i < s->npat && !hit; i++) {
        char *err = NULL;
        if (rx_match(s->re[i], t, n, 0, &m, &err) != 1) {
            free(err);
            continue;
        }
        hit = 1;
        *pat = s->pat[i];
        if (s->simple || s->notmatch) continue;
        if (!s->all) {
            arr_push_take(*matches, mkinds_match_new(s->re[i], t, n, &m));
            continue;
        }
        RxIter it;
        for (rx_iter_init(&it, s->re[i], t, n); rx_iter_next(&it, &m, &err) > 0;)
            arr_push_take(*matches, mkinds_match_new(s->re[i], t, n, &m));
        free(err);
    }
    rx_match_free(&m);
    return hit != s->notmatch;
}

/* A match in path (NULL: InputStream).  the display form is fixed now, against the
 * runspace's location loc, since ToString has no runspace (a thread job's Set-Location). */
static Value mi_new(Sls *s, Value line, long no, const char *path, const char *loc, Value pat,
                    Value matches)
{
    MatchInfo *m = (MatchInfo *)obj_alloc(&cls_matchinfo, sizeof *m);
    m->line = val_ref(line);
    m->lineno = no;
    m->path = path ? xstrdup(path) : NULL;
    m->shown = path ? xstrdup(relative_path(path, loc)) : NULL;
    m->pattern = val_ref(pat);
    m->matches = matches;
    m->pre = val_null();
    m->post = val_null();
    m->dpre = val_null();
    m->dpost = val_null();
    m->ignore_case = s->ignore_case;
    return val_obj_take(&m->obj);
}

/* Write the result for a selected line (MatchInfo, its Line for -Raw, $true for -Quiet). */
static Status sls_put(CmdCtx *c, Sls *s, Value mi)
{
    s->found = 1;
    if (s->quiet) {
        val_unref(mi);
        return pipe_emit(c->I, c->out, val_bool(1));
    }
    if (!s->raw) return emit_take(c, mi);
    Status st = pipe_emit(c->I, c->out, ((MatchInfo *)mi.as.o)->line);
    val_unref(mi);
    return st;
}

/* Lines lo..hi-1 of lines as a new string[]-like object[]. */
static Value slice_lines(Value lines, size_t lo, size_t hi)
{
    Value out = arr_new(TY_STRING, hi > lo ? hi - lo : 1);
    for (size_t i = lo; i < hi; i++)
        arr_push(out, arr_peek(lines, i));
    return out;
}

/* The context of the match at line i of n, as pwsh's two trackers keep it.  PreContext and
 * PostContext are the logical context: up to pre/post lines either side, other matches and
 * lines shared with a neighbour's context included.  The display context (ToString) shows
 * each line once: the post-context stops at the next match, and a pre-context takes only
 * lines after the previous match's display (*shown: the first line not yet displayed). */
static void sls_context(const Sls *s, MatchInfo *m, Value lines, const unsigned char *sel, size_t i,
                        size_t *shown)
{
    size_t n = arr_len(lines);
    size_t lo = i > (size_t)s->pre ? i - (size_t)s->pre : 0;
    size_t hi = i + 1 + (size_t)s->post < n ? i + 1 + (size_t)s->post : n;
    m->pre = slice_lines(lines, lo, i);
    m->post = slice_lines(lines, i + 1, hi);
    size_t dlo = lo < *shown ? *shown : lo, dhi = i + 1;
    while (dhi < hi && !sel[dhi])
        dhi++;
    m->dpre = slice_lines(lines, dlo < i ? dlo : i, i);
    m->dpost = slice_lines(lines, i + 1, dhi);
    *shown = dhi;
}

/* Search a whole source (a file's lines, or buffered piped strings). */
static Status sls_source(CmdCtx *c, Sls *s, Value lines, const char *path)
{
    size_t n = arr_len(lines), shown = 0; /* lines before `shown` are already displayed */
    unsigned char *sel = xcalloc(n ? n : 1, 1);
    Value *pats = xcalloc(n ? n : 1, sizeof *pats), *ms = xcalloc(n ? n : 1, sizeof *ms);
    for (size_t i = 0; i < n; i++)
        sel[i] = (unsigned char)sls_test(s, arr_peek(lines, i), &pats[i], &ms[i]);
    Status st = ST_OK;
    for (size_t i = 0; i < n && !st; i++) {
        if (!sel[i]) continue;
        Value mi =
            mi_new(s, arr_peek(lines, i), (long)i + 1, path, runloc_get(c->I), pats[i], ms[i]);
        ms[i] = val_null();
        if (s->context) sls_context(s, (MatchInfo *)mi.as.o, lines, sel, i, &shown);
        st = sls_put(c, s, mi);
        if ((s->list && path) || s->quiet) break; /* -List: the first match of each file */
    }
    for (size_t i = 0; i < n; i++)
        val_unref(ms[i]);
    free(sel);
    free(pats);
    free(ms);
    return st;
}

/* A file's text as lines (newline-separated, a trailing "\r" dropped, no empty last line). */
static Value split_lines(const char *t, size_t n)
{
    Value out = arr_new(TY_OBJECT, 16);
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(t + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - t) : n, end = e;
        if (end > i && t[end - 1] == '\r') end--;
        arr_push_take(out, val_str_n(t + i, end - i));
        i = e + 1;
    }
    return out;
}

static Status sls_file(CmdCtx *c, Sls *s, const char *full)
{
    StrBuf text = {0};
    if (read_file(full, &text) != 0) {
        sb_free(&text);
        return ST_OK; /* directories and unreadable entries are skipped */
    }
    Value lines = split_lines(sb_str(&text), text.len);
    sb_free(&text);
    Status st = sls_source(c, s, lines, full);
    val_unref(lines);
    return st;
}

/* 1 when a pattern of the string[] argument i matches name (wildcards, ignoring case). */
static int any_wildcard(CmdCtx *c, int i, const char *name)
{
    size_t n;
    const char **pats = str_list(c->arg[i], &n);
    int hit = 0;
    for (size_t k = 0; k < n && !hit; k++) {
        char *err = NULL;
        hit = wildcard_match(pats[k], strlen(pats[k]), name, strlen(name), 1, &err) == 1;
        free(err);
    }
    free(pats);
    return hit;
}

/* -Include / -Exclude filter the file names a -Path resolves to. */
static int sls_wanted(CmdCtx *c, const char *full)
{
    const char *slash = strrchr(full, '/');
    const char *name = slash ? slash + 1 : full;
    if (c->bound[SS_INCLUDE] && !any_wildcard(c, SS_INCLUDE, name)) return 0;
    return !(c->bound[SS_EXCLUDE] && any_wildcard(c, SS_EXCLUDE, name));
}

static Status sls_path(CmdCtx *c, Sls *s, const char *path, int literal)
{
    char **list = NULL;
    FsError fe;
    int n = path_resolve(runloc_get(c->I), getenv("HOME"), path, literal ? PATH_LITERAL : 0,
                         &list, &fe);
    if (n < 0) {
        char *full = full_path(c, path);
        StrBuf msg = {0};
        sb_printf(&msg, "Cannot find path '%s' because it does not exist.", full);
        write_err(c, ERRCAT_OBJECTNOTFOUND, "PathNotFound", full, sb_str(&msg));
        sb_free(&msg);
        free(full);
        return ST_OK;
    }
    Status st = ST_OK;
    for (int i = 0; i < n && !st && !(s->quiet && s->found); i++)
        if (sls_wanted(c, list[i])) st = sls_file(c, s, list[i]);
    path_list_free(list, n);
    return st;
}

/* -Quiet over files: $false when none of this input's files matched ($null with -List).
 * Piped strings that never match give nothing at all (pwsh). */
static Status sls_quiet_none(CmdCtx *c, Sls *s)
{
    if (!s->quiet || s->found) return ST_OK;
    return pipe_emit(c->I, c->out, s->list ? val_null() : val_bool(0));
}

/* Filter mode: a MatchInfo piped in is tested on its Line and passed on unchanged (pwsh drops
 * -Context there; its display context is not reproduced). */
static Status sls_filter(CmdCtx *c, Sls *s, Value mi)
{
    Value pat, ms;
    int hit = !s->stream_done && sls_test(s, ((MatchInfo *)mi.as.o)->line, &pat, &ms);
    if (!s->stream_done) val_unref(ms);
    if (!hit) return ST_OK;
    s->stream_done = s->quiet;
    return sls_put(c, s, val_ref(mi));
}

/* One piped object: a FileInfo is searched as a file, anything else as one line. */
static Status sls_item(CmdCtx *c, Sls *s, Value item)
{
    if (val_is(val_base(item), &cls_fileinfo)) {
        s->found = 0;
        Status st = sls_file(c, s, fsitem_path(val_base(item)));
        return st ? st : sls_quiet_none(c, s);
    }
    if (val_is_null(item)) return ST_OK;
    if (val_is(val_base(item), &cls_matchinfo)) return sls_filter(c, s, val_base(item));
    Value line = convert_to_string(item, NULL);
    s->lineno++;
    Status st = ST_OK;
    if (s->context) {
        if (s->lines.kind == VAL_NULL) s->lines = arr_new(TY_OBJECT, 16);
        arr_push(s->lines, line);
    } else if (!s->stream_done) {
        Value pat, ms;
        if (sls_test(s, line, &pat, &ms)) {
            st = sls_put(c, s, mi_new(s, line, s->lineno, NULL, NULL, pat, ms));
            s->stream_done = s->quiet; /* -Quiet: one $true for the whole stream */
        } else {
            val_unref(ms);
        }
    }
    val_unref(line);
    return st;
}

static Status sls_process(CmdCtx *c, Sls *s)
{
    int literal = c->bound[SS_LITERAL];
    if (literal || c->bound[SS_PATH]) {
        size_t np;
        const char **p = str_list(c->arg[literal ? SS_LITERAL : SS_PATH], &np);
        Status st = ST_OK;
        s->found = 0;
        for (size_t i = 0; i < np && !st && !(s->quiet && s->found); i++)
            st = sls_path(c, s, p[i], literal);
        free(p);
        return st ? st : sls_quiet_none(c, s);
    }
    if (c->has_input) return sls_item(c, s, c->input);
    return c->bound[SS_INPUT] ? sls_item(c, s, c->arg[SS_INPUT]) : ST_OK;
}

static Status select_string(CmdCtx *c)
{
    if (c->phase == CMD_BEGIN) return cmdutil_check_mandatory(c, 0) ? ST_THROW : sls_begin(c);
    Sls *s = c->priv;
    if (c->phase == CMD_PROCESS) return sls_process(c, s);
    return s->lines.kind != VAL_NULL ? sls_source(c, s, s->lines, NULL) : ST_OK;
}

/* ================================================================ the family ==== */

const CmdDef data_table[] = {
    {"ConvertTo-Json", NULL, to_json, to_json_params, NPARAMS(to_json_params)},
    {"ConvertFrom-Json", NULL, from_json, from_json_params, NPARAMS(from_json_params)},
    {"ConvertTo-Csv", NULL, to_csv, to_csv_params, NPARAMS(to_csv_params)},
    {"ConvertFrom-Csv", NULL, from_csv, from_csv_params, NPARAMS(from_csv_params)},
    {"Export-Csv", "epcsv", export_csv, export_csv_params, NPARAMS(export_csv_params)},
    {"Import-Csv", "ipcsv", import_csv, import_csv_params, NPARAMS(import_csv_params)},
    {"Select-String", "sls", select_string, select_string_params, NPARAMS(select_string_params)},
    {"ConvertFrom-StringData", NULL, stringdata_convert, stringdata_params, STRINGDATA_NPARAMS},
};
const int data_count = NPARAMS(data_table);
