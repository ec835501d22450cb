/*
** output: Out-File (see output.h).  The file is opened in the begin phase (so no input still
** creates or truncates it), and every input object's formatted text is transcoded and written
** at once; -NoNewline drops the line ends of the formatted text.
*/
#include "cmdlets/output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmdlets/cmdutil.h"
#include "cmdlets/items.h"
#include "runtime/convert.h"
#include "runtime/enums.h"
#include "runtime/errrec.h"
#include "runtime/eval.h"
#include "runtime/format.h"
#include "runtime/mem.h"
#include "runtime/streams.h"

#define NPARAMS(p) (int)(sizeof(p) / sizeof(p[0]))

/* ================================================================ encodings ==== */

typedef enum Enc {
    ENC_UTF8,
    ENC_ASCII,
    ENC_LATIN1,
    ENC_UTF16LE,
    ENC_UTF16BE,
    ENC_UTF32LE,
    ENC_UTF32BE
} Enc;

typedef struct EncName {
    const char *name; /* -Encoding name (case-insensitive) */
    int codepage;     /* the same as a number */
    Enc enc;
    int bom; /* write a byte order mark at the start of a new file */
} EncName;

static const EncName encodings[] = {
    {"utf8NoBOM", 0, ENC_UTF8, 0},
    {"utf8", 65001, ENC_UTF8, 0},
    {"utf8BOM", 0, ENC_UTF8, 1},
    {"utf-8", 0, ENC_UTF8, 0},
    {"ascii", 20127, ENC_ASCII, 0},
    {"us-ascii", 0, ENC_ASCII, 0},
    {"latin1", 28591, ENC_LATIN1, 0},
    {"iso-8859-1", 0, ENC_LATIN1, 0},
    {"unicode", 1200, ENC_UTF16LE, 1},
    {"utf-16", 0, ENC_UTF16LE, 1},
    {"bigendianunicode", 1201, ENC_UTF16BE, 1},
    {"utf-16BE", 0, ENC_UTF16BE, 1},
    {"utf32", 12000, ENC_UTF32LE, 1},
    {"utf-32", 0, ENC_UTF32LE, 1},
    {"bigendianutf32", 12001, ENC_UTF32BE, 1},
    {"utf7", 65000, ENC_UTF8, 0},
    {"ansi", 0, ENC_UTF8, 0},
    {"oem", 0, ENC_UTF8, 0},
    {"default", 0, ENC_UTF8, 0},
};

/* The encoding named or numbered by v; NULL when unknown. */
static const EncName *enc_find(Value v)
{
    Value b = val_base(v);
    int num = b.kind >= VAL_SBYTE && b.kind <= VAL_DOUBLE;
    Value n = val_null();
    if (num && convert_to(b, TY_INT32, 0, &n, NULL) != 0) return NULL;
    Value s = num ? val_null() : convert_to_string(b, NULL);
    const EncName *found = NULL;
    for (size_t i = 0; i < sizeof encodings / sizeof encodings[0] && !found; i++) {
        if (num ? encodings[i].codepage == (int)n.as.i
                : str_icmp(val_str_data(s), encodings[i].name) == 0)
            found = &encodings[i];
    }
    val_unref(s);
    return found;
}

/* The next code point of UTF-8 text at *i (invalid bytes decode as U+FFFD). */
static unsigned utf8_next(const unsigned char *s, size_t len, size_t *i)
{
    unsigned c = s[(*i)++];
    int more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (c >= 0x80 && !more) return 0xFFFD;
    c &= more == 3 ? 0x07 : more == 2 ? 0x0F : more == 1 ? 0x1F : 0x7F;
    for (; more > 0; more--) {
        if (*i >= len || (s[*i] & 0xC0) != 0x80) return 0xFFFD;
        c = (c << 6) | (s[(*i)++] & 0x3F);
    }
    return c;
}

static void put_unit(StrBuf *out, unsigned u, int bytes, int big)
{
    for (int k = 0; k < bytes; k++) {
        int shift = big ? (bytes - 1 - k) * 8 : k * 8;
        sb_putc(out, (char)((u >> shift) & 0xFF));
    }
}

static void put_cp(StrBuf *out, unsigned cp, Enc e)
{
    switch (e) {
    case ENC_UTF8:
        break;
    case ENC_ASCII:
        sb_putc(out, cp < 0x80 ? (char)cp : '?');
        break;
    case ENC_LATIN1:
        sb_putc(out, cp < 0x100 ? (char)cp : '?');
        break;
    case ENC_UTF16LE:
    case ENC_UTF16BE:
        if (cp >= 0x10000) {
            put_unit(out, 0xD800 + ((cp - 0x10000) >> 10), 2, e == ENC_UTF16BE);
            cp = 0xDC00 + ((cp - 0x10000) & 0x3FF);
        }
        put_unit(out, cp, 2, e == ENC_UTF16BE);
        break;
    case ENC_UTF32LE:
    case ENC_UTF32BE:
        put_unit(out, cp, 4, e == ENC_UTF32BE);
        break;
    }
}

/* Append UTF-8 text s transcoded to e. */
static void enc_append(StrBuf *out, const char *s, size_t len, Enc e)
{
    if (e == ENC_UTF8) {
        sb_append(out, s, len);
        return;
    }
    for (size_t i = 0; i < len;)
        put_cp(out, utf8_next((const unsigned char *)s, len, &i), e);
}

/* ================================================================ Out-File ==== */

enum {
    OF_PATH,
    OF_ENCODING,
    OF_LITERAL,
    OF_APPEND,
    OF_FORCE,
    OF_NOCLOBBER,
    OF_WIDTH,
    OF_NONEWLINE,
    OF_INPUT,
    OF_WHATIF,
    OF_CONFIRM
};
static const ParamSpec of_params[] = {
    [OF_PATH] = {.name = "FilePath", .alias = "Path", .type = TY_STRING, .position = 0},
    [OF_ENCODING] = {.name = "Encoding", .type = TY_OBJECT, .position = 1},
    [OF_LITERAL] = {.name = "LiteralPath", .alias = "PSPath", .type = TY_STRING, .position = -1},
    [OF_APPEND] = {.name = "Append", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [OF_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [OF_NOCLOBBER] = {.name = "NoClobber",
                      .alias = "NoOverwrite",
                      .type = TY_SWITCH,
                      .position = -1,
                      .flags = PS_SWITCH},
    [OF_WIDTH] = {.name = "Width", .type = TY_INT32, .position = -1},
    [OF_NONEWLINE] = {.name = "NoNewline", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [OF_INPUT] = {.name = "InputObject", .type = TY_OBJECT, .position = -1, .flags = PS_PIPELINE},
    [OF_WHATIF] =
        {.name = "WhatIf", .alias = "wi", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [OF_CONFIRM] =
        {.name = "Confirm", .alias = "cf", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

typedef struct OutFile {
    FILE *fp; /* NULL under -WhatIf */
    Formatter *fmt;
    StrBuf text; /* formatted UTF-8 not yet written */
    StrBuf enc;  /* its transcoded bytes */
    Enc e;
    int nonewline;
} OutFile;

static void outfile_free(void *p)
{
    OutFile *o = p;
    fmt_free(o->fmt);
    if (o->fp) fclose(o->fp);
    sb_free(&o->text);
    sb_free(&o->enc);
    free(o);
}

static void text_write(void *ctx, const char *s, size_t len)
{
    sb_append(ctx, s, len);
}

static int flag(CmdCtx *c, int i)
{
    return c->bound[i] && convert_truthy(c->arg[i]);
}

/* Write what the formatter produced so far. */
static void outfile_drain(OutFile *o)
{
    if (!o->text.len) return;
    if (o->nonewline) {
        size_t k = 0;
        for (size_t i = 0; i < o->text.len; i++)
            if (o->text.buf[i] != '\n') o->text.buf[k++] = o->text.buf[i];
        o->text.len = k;
    }
    if (o->fp) {
        sb_clear(&o->enc);
        enc_append(&o->enc, o->text.buf ? o->text.buf : "", o->text.len, o->e);
        fwrite(o->enc.buf ? o->enc.buf : "", 1, o->enc.len, o->fp);
    }
    sb_clear(&o->text);
}

/* One input object.  Under -NoNewline a string keeps its own line breaks: only the
 * formatter's line ends are dropped. */
/* Error records and merged stream records are written as the console shows them. */
static int outfile_record(Interp *I, OutFile *o, Value b)
{
    static const char *const prefixes[] = {[STREAM_WARN] = "WARNING: ",
                                           [STREAM_VERBOSE] = "VERBOSE: ",
                                           [STREAM_DEBUG] = "DEBUG: ",
                                           [STREAM_INFO] = ""};
    int stream = inforec_stream(b);
    if (!errrec_is(b) && !stream) return 0;
    fmt_flush(o->fmt);
    if (errrec_is(b))
        eval_render_error(I, b, &o->text);
    else
        sb_printf(&o->text, "%s%s\n", prefixes[stream], inforec_message(b));
    return 1;
}

static void outfile_feed(Interp *I, OutFile *o, Value v)
{
    Value b = val_base(v);
    if (outfile_record(I, o, b)) return;
    if (!o->nonewline || !val_is_str(b)) {
        fmt_feed(o->fmt, v);
        return;
    }
    fmt_flush(o->fmt);
    outfile_drain(o);
    if (o->fp) {
        sb_clear(&o->enc);
        enc_append(&o->enc, val_str_data(b), val_str_len(b), o->e);
        fwrite(o->enc.buf ? o->enc.buf : "", 1, o->enc.len, o->fp);
    }
}

/* pwsh's message for a file that cannot be opened (errno err). */
static Status open_fail(CmdCtx *c, const char *full, int err)
{
    FsError fe;
    const char *fmt = err == ENOENT || err == ENOTDIR ? "Could not find a part of the path '%s'."
                                                      : "Access to the path '%s' is denied.";
    fs_fail(&fe, "FileOpenFailure", "OpenError", full, fmt, full);
    return items_throw(c, &fe);
}

/* Open the file as -Append/-NoClobber/-Force say; the BOM goes to new or empty files only. */
static Status outfile_open(CmdCtx *c, OutFile *o, const char *full, const EncName *en)
{
    int append = flag(c, OF_APPEND);
    struct stat st;
    int exists = stat(full, &st) == 0;
    if (exists && !append && flag(c, OF_NOCLOBBER)) {
        FsError fe;
        fs_fail(&fe, "NoClobber", "ResourceExists", full, "The file '%s' already exists.", full);
        return items_throw(c, &fe);
    }
    if (exists && S_ISDIR(st.st_mode)) return open_fail(c, full, EISDIR);
    o->fp = fopen(full, append ? "ab" : "wb");
    if (!o->fp && errno == EACCES && exists && flag(c, OF_FORCE)) {
        chmod(full, st.st_mode | S_IWUSR); /* -Force writes over a read-only file */
        o->fp = fopen(full, append ? "ab" : "wb");
    }
    if (!o->fp) return open_fail(c, full, errno);
    if (en->bom && (!append || !exists || st.st_size == 0)) {
        sb_clear(&o->enc);
        put_cp(&o->enc, 0xFEFF, en->enc);
        if (en->enc == ENC_UTF8) sb_append(&o->enc, "\xEF\xBB\xBF", 3);
        fwrite(o->enc.buf, 1, o->enc.len, o->fp);
    }
    return ST_OK;
}

static Status bad_encoding(CmdCtx *c)
{
    Value s = convert_to_string(c->arg[OF_ENCODING], NULL);
    Status st = cmd_error(c, EXC_PARAMBIND,
                          "ParameterArgumentTransformationError,"
                          "Microsoft.PowerShell.Commands.OutFileCommand",
                          "Cannot process argument transformation on parameter 'Encoding'. '%s' "
                          "is not a supported encoding name. For information on defining a "
                          "custom encoding, see the documentation for the "
                          "Encoding.RegisterProvider method. (Parameter 'name')",
                          val_str_data(s));
    val_unref(s);
    return st;
}

/* Begin phase: the path, the encoding, the file and the formatter. */
static Status outfile_begin(CmdCtx *c, OutFile *o)
{
    const EncName *en = &encodings[0];
    if (c->bound[OF_ENCODING] && !(en = enc_find(c->arg[OF_ENCODING]))) return bad_encoding(c);
    if (en->codepage == 65000) { /* utf7: written as UTF-8, with pwsh's warning */
        Value w = val_str("Encoding 'UTF-7' is obsolete, please use UTF-8.");
        Status ws = stream_write(c->I, STREAM_WARN, w, c->node);
        val_unref(w);
        if (ws) return ws;
    }
    int lit = c->bound[OF_LITERAL];
    if (!lit && !c->bound[OF_PATH])
        return cmd_error(c, EXC_PARAMBIND,
                         "MissingMandatoryParameter,Microsoft.PowerShell.Commands.OutFileCommand",
                         "Cannot process command because of one or more missing mandatory "
                         "parameters: FilePath.");
    char *full = items_full(c, val_str_data(c->arg[lit ? OF_LITERAL : OF_PATH]));
    Status st = ST_OK;
    if (flag(c, OF_WHATIF)) {
        StrBuf sb = {0};
        sb_printf(&sb, "What if: Performing the operation \"Output to File\" on target \"%s\".\n",
                  full);
        c->I->host_fn(c->I->host_ctx, sb.buf, sb.len);
        sb_free(&sb);
    } else {
        st = outfile_open(c, o, full, en);
    }
    free(full);
    if (st) return st;
    o->e = en->enc;
    o->nonewline = flag(c, OF_NONEWLINE);
    FmtOptions opt;
    interp_fmt_options(c->I, &opt, 1);
    if (c->bound[OF_WIDTH] && c->arg[OF_WIDTH].as.i > 0)
        opt.width = opt.list_width = (int)c->arg[OF_WIDTH].as.i;
    o->fmt = fmt_new(&opt, text_write, &o->text);
    return ST_OK;
}

/* Out-File [-FilePath] <string> [[-Encoding] <Encoding>] [-Append] [-Force] [-NoClobber]
 *   [-Width <int>] [-NoNewline] [-InputObject <psobject>] [-WhatIf] [-Confirm]
 * Out-File -LiteralPath <string> ... */
static Status out_file(CmdCtx *c)
{
    OutFile *o = c->priv;
    if (!o) {
        o = xcalloc(1, sizeof *o);
        c->priv = o;
        c->priv_free = outfile_free;
        Status st = outfile_begin(c, o);
        if (st) return st;
    }
    if (!o->fmt) return ST_OK;
    if (c->phase == CMD_PROCESS) {
        if (c->has_input)
            outfile_feed(c->I, o, c->input);
        else if (c->bound[OF_INPUT])
            outfile_feed(c->I, o, c->arg[OF_INPUT]);
    } else if (c->phase == CMD_END) {
        fmt_end(o->fmt);
    }
    outfile_drain(o);
    if (c->phase == CMD_END && o->fp) fflush(o->fp);
    return ST_OK;
}

/* ================================================================ Write-Error ==== */

enum {
    WE_MESSAGE,
    WE_EXCEPTION,
    WE_RECORD,
    WE_CATEGORY,
    WE_ERRORID,
    WE_TARGET,
    WE_RECOMMENDED,
    WE_ACTIVITY,
    WE_REASON,
    WE_TARGETNAME,
    WE_TARGETTYPE
};
static const ParamSpec we_params[] = {
    [WE_MESSAGE] = {"Message", "Msg", TY_STRING, 0, 0, PS_PIPELINE},
    [WE_EXCEPTION] = {"Exception", NULL, TY_OBJECT, 0, -1, 0},
    [WE_RECORD] = {"ErrorRecord", NULL, TY_OBJECT, 0, -1, 0},
    [WE_CATEGORY] = {"Category", NULL, TY_OBJECT, 0, -1, 0},
    [WE_ERRORID] = {"ErrorId", NULL, TY_STRING, 0, -1, 0},
    [WE_TARGET] = {"TargetObject", NULL, TY_OBJECT, 0, -1, 0},
    [WE_RECOMMENDED] = {"RecommendedAction", NULL, TY_STRING, 0, -1, 0},
    [WE_ACTIVITY] = {"CategoryActivity", "Activity", TY_STRING, 0, -1, 0},
    [WE_REASON] = {"CategoryReason", "Reason", TY_STRING, 0, -1, 0},
    [WE_TARGETNAME] = {"CategoryTargetName", "TargetName", TY_STRING, 0, -1, 0},
    [WE_TARGETTYPE] = {"CategoryTargetType", "TargetType", TY_STRING, 0, -1, 0},
};

/* The parameters that become CategoryInfo and ErrorDetails texts. */
static const struct {
    int param;
    ErrText text;
} we_texts[] = {
    {WE_ACTIVITY, ERRTXT_ACTIVITY},     {WE_REASON, ERRTXT_REASON},
    {WE_TARGETNAME, ERRTXT_TARGETNAME}, {WE_TARGETTYPE, ERRTXT_TARGETTYPE},
    {WE_RECOMMENDED, ERRTXT_RECOMMENDED},
};

static const char *we_str(CmdCtx *c, int i)
{
    return val_is_str(c->arg[i]) ? val_str_data(c->arg[i]) : NULL;
}

/* -Category as an ErrorCategory (a name, a number or an enum value), as the binder would. */
static Status we_category(CmdCtx *c, ErrCategory *cat)
{
    *cat = ERRCAT_NOTSPECIFIED;
    if (!c->bound[WE_CATEGORY]) return ST_OK;
    const EnumType *t = enum_find("ErrorCategory", 13);
    Value v;
    ConvError err;
    if (enum_convert(t, c->arg[WE_CATEGORY], &v, &err) != 0)
        return cmdutil_fail(c, EXC_PARAMBIND, ERRCAT_INVALIDARGUMENT,
                            "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands."
                            "WriteErrorCommand",
                            "Cannot bind parameter 'Category'. %s", err.msg);
    *cat = (ErrCategory)enum_value(v);
    val_unref(v);
    return ST_OK;
}

/* pwsh qualifies the id with the caller ($MyInvocation.MyCommand.Name: the function that
 * called Write-Error); at the top level there is nothing to add. */
static char *we_fqid(CmdCtx *c, const char *id)
{
    Value inv = eval_my_invocation(c->I), cmd = val_null(), name = val_null();
    inv.as.o->cls->get_prop(inv, "MyCommand", 9, &cmd);
    if (cmd.kind == VAL_OBJ) cmd.as.o->cls->get_prop(cmd, "Name", 4, &name);
    StrBuf sb = {0};
    sb_puts(&sb, id);
    if (val_is_str(name) && *val_str_data(name)) sb_printf(&sb, ",%s", val_str_data(name));
    val_unref(name), val_unref(cmd), val_unref(inv);
    return sb_take(&sb);
}

/* The record from -ErrorRecord (a copy), -Exception or -Message. */
static Value we_record(CmdCtx *c, ErrCategory cat)
{
    if (c->bound[WE_RECORD] && errrec_is(c->arg[WE_RECORD])) {
        Value rec = errrec_copy(c->arg[WE_RECORD]);
        const char *id = errrec_id(rec), *comma = strchr(id, ',');
        char *bare = comma ? xstrndup(id, (size_t)(comma - id)) : xstrdup(id);
        char *fq = we_fqid(c, bare);
        errrec_set_id(rec, fq);
        free(bare), free(fq);
        return rec;
    }
    ExcKind k = EXC_WRITEERROR;
    const char *emsg = NULL, *msg = we_str(c, WE_MESSAGE);
    int has_exc = c->bound[WE_EXCEPTION] &&
                  errrec_exception_info(c->arg[WE_EXCEPTION], &k, &emsg);
    const char *id = we_str(c, WE_ERRORID);
    char *fq = we_fqid(c, id && *id ? id : errrec_exc_fullname(k));
    ErrInit e = {.msg = has_exc ? emsg : msg ? msg : "",
                 .id = fq,
                 .exc = k,
                 .inner = k,
                 .cat = cat,
                 .command = c->def->name,
                 .prog = c->node ? c->I->prog : NULL,
                 .start = c->node ? c->node->start : 0,
                 .end = c->node ? c->node->end : 0};
    Value rec = errrec_new(&e);
    free(fq);
    if (has_exc && msg && *msg) errrec_set_text(rec, ERRTXT_DETAILS, msg);
    if (c->bound[WE_TARGET]) errrec_set_target(rec, c->arg[WE_TARGET]);
    return rec;
}

/* Write-Error [-Message] <string> [-Category <ErrorCategory>] [-ErrorId <string>]
 *   [-TargetObject <object>] [-RecommendedAction <string>] [-CategoryActivity <string>]
 *   [-CategoryReason <string>] [-CategoryTargetName <string>] [-CategoryTargetType <string>]
 * Write-Error -Exception <Exception> [-Message <string>] ...
 * Write-Error -ErrorRecord <ErrorRecord> ... */
static Status write_error(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    if (c->has_input && !c->bound[WE_MESSAGE]) { /* -Message from the pipeline */
        val_unref(c->arg[WE_MESSAGE]);
        c->arg[WE_MESSAGE] = convert_to_string(c->input, NULL);
    }
    ErrCategory cat;
    Status st = we_category(c, &cat);
    if (st) return st;
    Value rec = we_record(c, cat);
    if (c->bound[WE_CATEGORY]) errrec_set_category(rec, cat);
    for (size_t i = 0; i < sizeof we_texts / sizeof we_texts[0]; i++)
        errrec_set_text(rec, we_texts[i].text, we_str(c, we_texts[i].param));
    if (eval_error_action(c->I) == EA_STOP) return eval_throw_rec(c->I, rec, 1);
    cmd_write_error(c, rec);
    val_unref(rec);
    return ST_OK;
}

const CmdDef output_table[] = {
    {"Out-File", NULL, out_file, of_params, NPARAMS(of_params)},
    {"Write-Error", NULL, write_error, we_params, NPARAMS(we_params)},
};
const int output_count = NPARAMS(output_table);
