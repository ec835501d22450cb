/*
** formatcmds: Format-Table, Format-List, Format-Wide (see formatcmds.h).  Each call owns one
** Formatter writing into a text buffer; finished lines leave as strings after every input
** object, so rows stream once the table widths are fixed.  -Property elements become
** FmtColumns: names (wildcards allowed) are read by the engine, script blocks and
** @{Expression = {...}} run through calc_get with $_ set.
*/
#include "cmdlets/formatcmds.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/eval.h"
#include "runtime/format.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/scriptblock.h"
#include "cmdlets/sortkey.h"

#define NPARAMS(p) (int)(sizeof(p) / sizeof(p[0]))

/* Parameter indexes shared by the three cmdlets; the shape-specific ones follow P_COMMON. */
enum { P_PROP, P_GROUP, P_VIEW, P_EXPAND, P_SHOWERR, P_DISPERR, P_FORCE, P_INPUT, P_COMMON };

/* ================================================================ state ==== */

/* A script-block column: the block and the runspace that runs it. */
typedef struct Calc {
    Interp *I;
    Value sb;     /* ScriptBlock, owned */
    int show_err; /* -DisplayError: a failing expression shows "#ERR" */
} Calc;

typedef struct FmtCmd {
    Formatter *fmt;
    StrBuf text;     /* formatted text not yet emitted as lines */
    FmtColumn *cols; /* -Property columns */
    size_t ncols;
    FmtColumn group; /* -GroupBy column */
    int has_group;
    Calc *calcs; /* one slot per column + 1 for -GroupBy (stable addresses) */
    size_t ncalcs;
    char **strs; /* strings the columns borrow */
    size_t nstrs, capstrs;
    char *view; /* -View name or NULL */
} FmtCmd;

static void fmtcmd_free(void *p)
{
    FmtCmd *s = p;
    fmt_free(s->fmt);
    sb_free(&s->text);
    for (size_t i = 0; i < s->ncalcs; i++)
        val_unref(s->calcs[i].sb);
    for (size_t i = 0; i < s->nstrs; i++)
        free(s->strs[i]);
    free(s->calcs);
    free(s->strs);
    free(s->cols);
    free(s->view);
    free(s);
}

static const char *keep(FmtCmd *s, const char *str, size_t len)
{
    char *p = xstrndup(str, len);
    ARRAY_PUSH(s->strs, s->nstrs, s->capstrs, p);
    return p;
}

static const char *keep_value(FmtCmd *s, Value v)
{
    Value str = convert_to_string(v, NULL);
    const char *p = keep(s, val_str_data(str), val_str_len(str));
    val_unref(str);
    return p;
}

static int flag(CmdCtx *c, int i)
{
    return c->bound[i] && convert_truthy(c->arg[i]);
}

/* ================================================================ rows ==== */

/* With -Property, pwsh lays out dates as rows (`Get-Date | Format-Table DayOfWeek`), and
 * strings and numbers too under -Force, where the engine prints them whole.  Such an input
 * goes to the formatter in a Row: an object with one (hidden) property whose reads are
 * forwarded to the value through the member layer. */
typedef struct Row {
    Obj obj;
    Interp *I;
    Value v; /* the input, owned */
} Row;

static void row_free(Obj *o)
{
    val_unref(((Row *)o)->v);
}

static void row_to_string(Value self, StrBuf *out)
{
    convert_append_string(((Row *)self.as.o)->v, NULL, out);
}

static int row_get_prop(Value self, const char *name, size_t len, Value *out)
{
    Row *r = (Row *)self.as.o;
    return sortkey_prop(r->I, r->v, name, len, out);
}

static size_t row_nprops(Value self)
{
    return 1;
}

static void row_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    *name = "Value";
    *len = 5;
    *val = ((Row *)self.as.o)->v;
}

static const ObjClass cls_fmtrow = {
    .name = "Object",
    .full_name = "System.Object",
    .type = TY_OTHER,
    .free = row_free,
    .to_string = row_to_string,
    .get_prop = row_get_prop,
    .nprops = row_nprops,
    .prop_at = row_prop_at,
};

/* The value a calculated column sees as $_: the input itself. */
static Value row_unwrap(Value v)
{
    return v.kind == VAL_OBJ && v.as.o->cls == &cls_fmtrow ? ((Row *)v.as.o)->v : v;
}

/* 1 when the engine would print v whole instead of as a row. */
static int scalar_like(Value v)
{
    Value b = val_base(v);
    if (val_is_null(b) || val_is_array(b) || ht_is(b)) return 0;
    if (b.kind != VAL_OBJ || val_is_str(b) || val_type_id(b) == TY_DECIMAL) return 1;
    const ObjClass *c = val_class(b);
    return !(c && c->nprops && c->prop_at && c->nprops(b));
}

/* Feed one input object: with -Property, a date (which pwsh formats by properties) or, under
 * -Force, any other scalar goes in a Row; without -Force strings and numbers stay whole, as
 * pwsh prints them out of band (Format-List.md, Notes). */
static void feed_input(Interp *I, Formatter *f, Value v, int has_cols, int force)
{
    if (!has_cols || !scalar_like(v) || !(force || val_base(v).kind == VAL_DATETIME)) {
        fmt_feed(f, v);
        return;
    }
    Row *r = (Row *)obj_alloc(&cls_fmtrow, sizeof *r);
    r->I = I;
    r->v = val_ref(v);
    Value row = val_obj_take(&r->obj);
    fmt_feed(f, row);
    val_unref(row);
}

/* ================================================================ columns ==== */

/* A calculated column's value: the script block's output with $_ = obj.  Errors are not
 * shown; they give $null (an empty cell), or "#ERR" under -DisplayError. */
static Value calc_get(void *ctx, Value obj)
{
    Calc *k = ctx;
    Interp *I = k->I;
    Collector col;
    collector_init(&col);
    Pipe *err = I->err_pipe; /* errors inside the expression are not shown */
    unsigned long nrep = I->nreported;
    I->err_pipe = pipe_null();
    Status st = eval_invoke_item(I, k->sb, row_unwrap(obj), &col.pipe);
    I->err_pipe = err;
    Value r = collector_take(&col);
    if (st) eval_clear_error(I);
    if (I->nreported != nrep) st = ST_THROW;
    if (st && k->show_err) {
        val_unref(r);
        return val_str("#ERR");
    }
    if (st || val_is_null(r)) {
        val_unref(r);
        return val_null();
    }
    return r;
}

/* The header of a script-block column: its text as written, spaces included (pwsh shows
 * `{ $_ / $null }` as " $_ / $null "). */
static const char *sb_label(FmtCmd *s, Value sb)
{
    const char *t = scriptblock_text(sb);
    return keep(s, t, strlen(t));
}

/* Column c reads expr: a property name (wildcards allowed) or a script block. */
static void col_expr(CmdCtx *c, FmtCmd *s, FmtColumn *col, Value expr, Calc *slot)
{
    Value b = val_base(expr);
    if (val_type_id(b) == TY_SCRIPTBLOCK) {
        slot->I = c->I;
        slot->sb = val_ref(b);
        slot->show_err = flag(c, P_DISPERR);
        col->get = calc_get;
        col->get_ctx = slot;
        if (!col->label) col->label = sb_label(s, b);
        return;
    }
    col->prop = keep_value(s, b);
}

/* The keys a -Property/-GroupBy hashtable may use; a unique prefix selects one. */
typedef enum HKey { HK_NAME, HK_EXPR, HK_FORMAT, HK_WIDTH, HK_ALIGN } HKey;
#define HK_BIT(k) (1u << (k))
/* The keys each use accepts (pwsh's Format*ParameterDefinition classes). */
enum {
    ALLOW_LIST = HK_BIT(HK_NAME) | HK_BIT(HK_EXPR) | HK_BIT(HK_FORMAT),
    ALLOW_TABLE = ALLOW_LIST | HK_BIT(HK_WIDTH) | HK_BIT(HK_ALIGN),
    ALLOW_WIDE = HK_BIT(HK_EXPR) | HK_BIT(HK_FORMAT),
    ALLOW_GROUP = ALLOW_LIST
};
static const struct {
    const char *name;
    HKey key;
} hkeys[] = {
    {"Name", HK_NAME},           {"Label", HK_NAME},  {"Expression", HK_EXPR},
    {"FormatString", HK_FORMAT}, {"Width", HK_WIDTH}, {"Alignment", HK_ALIGN},
};

/* The key named by s (a unique prefix); -1 when unknown or not allowed. */
static int hkey_find(const char *s, size_t len, unsigned allow)
{
    int found = -1;
    for (size_t i = 0; i < sizeof hkeys / sizeof hkeys[0]; i++) {
        if (!len || len > strlen(hkeys[i].name) || str_nicmp(hkeys[i].name, s, len) != 0) continue;
        if (!(allow & HK_BIT(hkeys[i].key))) continue;
        if (len == strlen(hkeys[i].name)) return (int)hkeys[i].key;
        if (found >= 0 && found != (int)hkeys[i].key) return -1;
        found = (int)hkeys[i].key;
    }
    return found;
}

static FmtAlign align_of(Value v)
{
    static const struct {
        const char *name;
        FmtAlign a;
    } aligns[] = {
        {"Left", FMT_ALIGN_LEFT}, {"Center", FMT_ALIGN_CENTER}, {"Right", FMT_ALIGN_RIGHT}};
    Value str = convert_to_string(v, NULL);
    FmtAlign a = FMT_ALIGN_AUTO;
    for (size_t i = 0; i < sizeof aligns / sizeof aligns[0]; i++)
        if (str_icmp(val_str_data(str), aligns[i].name) == 0) a = aligns[i].a;
    val_unref(str);
    return a;
}

/* "<id>,Microsoft.PowerShell.Commands.<VerbNoun>Command" for c's cmdlet, in *sb. */
static const char *full_id(CmdCtx *c, const char *id, StrBuf *sb)
{
    sb_printf(sb, "%s,Microsoft.PowerShell.Commands.", id);
    for (const char *p = c->def->name; *p; p++)
        if (*p != '-') sb_putc(sb, *p);
    sb_puts(sb, "Command");
    return sb_str(sb);
}

static Status key_error(CmdCtx *c, const char *id, const char *fmt, const char *arg)
{
    StrBuf sb = {0};
    Status st = cmd_error(c, EXC_NOTSUPPORTED, full_id(c, id, &sb), fmt, arg);
    sb_free(&sb);
    return st;
}

/* One hashtable entry into col.  Returns 1 when it was the Expression. */
static int hash_entry(CmdCtx *c, FmtCmd *s, FmtColumn *col, HKey k, Value val, Calc *slot)
{
    switch (k) {
    case HK_NAME:
        col->label = keep_value(s, val);
        return 0;
    case HK_EXPR:
        col_expr(c, s, col, val, slot);
        return 1;
    case HK_FORMAT:
        col->format = keep_value(s, val);
        return 0;
    case HK_WIDTH: {
        Value n;
        if (convert_to(val, TY_INT32, 0, &n, NULL) == 0) col->width = (int)n.as.i;
        return 0;
    }
    case HK_ALIGN:
        col->align = align_of(val);
        return 0;
    }
    return 0;
}

/* @{Name = ..; Expression = ..; ...} into col. */
static Status hash_col(CmdCtx *c, FmtCmd *s, FmtColumn *col, Value h, unsigned allow, Calc *slot)
{
    int have_expr = 0;
    Value expr = val_null();
    for (size_t i = 0; i < ht_count(h); i++) {
        Value key, val;
        ht_entry_peek(h, i, &key, &val);
        Value ks = convert_to_string(key, NULL);
        int k = hkey_find(val_str_data(ks), val_str_len(ks), allow);
        if (k < 0) {
            Status st =
                key_error(c, "DictionaryKeyIllegal", "The %s key is not valid.", val_str_data(ks));
            val_unref(ks);
            return st;
        }
        val_unref(ks);
        if (k == HK_EXPR) {
            expr = val;
            have_expr = 1;
            continue;
        }
        hash_entry(c, s, col, (HKey)k, val, slot);
    }
    if (!have_expr)
        return key_error(c, "DictionaryKeyMandatoryEntry", "A mandatory entry for %s is missing.",
                         "expression");
    hash_entry(c, s, col, HK_EXPR, expr, slot);
    return ST_OK;
}

/* One -Property/-GroupBy element into col. */
static Status spec_col(CmdCtx *c, FmtCmd *s, FmtColumn *col, Value spec, unsigned allow, Calc *slot)
{
    Value b = val_base(spec);
    memset(col, 0, sizeof *col);
    if (ht_is(b)) return hash_col(c, s, col, b, allow, slot);
    col_expr(c, s, col, b, slot);
    return ST_OK;
}

/* ================================================================ parameters ==== */

enum { FT_AUTOSIZE = P_COMMON, FT_REPEAT, FT_HIDE, FT_WRAP };
enum { FW_AUTOSIZE = P_COMMON, FW_COLUMN };

#define COMMON_PARAMS(prop_array)                                                                  \
    [P_PROP] = {.name = "Property", .type = TY_OBJECT, .is_array = prop_array, .position = 0},     \
    [P_GROUP] = {.name = "GroupBy", .type = TY_OBJECT, .position = -1},                            \
    [P_VIEW] = {.name = "View", .type = TY_STRING, .position = -1},                                \
    [P_EXPAND] = {.name = "Expand", .type = TY_STRING, .position = -1},                            \
    [P_SHOWERR] = {.name = "ShowError", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},    \
    [P_DISPERR] = {.name = "DisplayError", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH}, \
    [P_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},          \
    [P_INPUT] = {.name = "InputObject", .type = TY_OBJECT, .position = -1, .flags = PS_PIPELINE}

static const ParamSpec ft_params[] = {
    COMMON_PARAMS(1),
    [FT_AUTOSIZE] = {.name = "AutoSize", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [FT_REPEAT] = {.name = "RepeatHeader", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [FT_HIDE] = {.name = "HideTableHeaders", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [FT_WRAP] = {.name = "Wrap", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};
static const ParamSpec fl_params[] = {COMMON_PARAMS(1)};
static const ParamSpec fw_params[] = {
    COMMON_PARAMS(0),
    [FW_AUTOSIZE] = {.name = "AutoSize", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [FW_COLUMN] = {.name = "Column", .type = TY_INT32, .position = -1},
};

/* -Property elements as columns. */
static Status build_cols(CmdCtx *c, FmtCmd *s, unsigned allow)
{
    Value p = c->arg[P_PROP];
    size_t n = val_is_array(p) ? arr_len(p) : 1;
    s->cols = xcalloc(n, sizeof *s->cols);
    for (size_t i = 0; i < n; i++) {
        Value e = val_is_array(p) ? arr_peek(p, i) : p;
        Status st = spec_col(c, s, &s->cols[i], e, allow, &s->calcs[i]);
        if (st) return st;
        s->ncols++;
    }
    return ST_OK;
}

static Status column_error(CmdCtx *c, int n)
{
    StrBuf sb = {0};
    Status st = cmd_error(c, EXC_PARAMBIND, full_id(c, "ParameterArgumentValidationError", &sb),
                          "Cannot validate argument on parameter 'Column'. The %d argument is "
                          "less than the minimum allowed range of 1. Supply an argument that is "
                          "greater than or equal to 1 and then try the command again.",
                          n);
    sb_free(&sb);
    return st;
}

/* The shape-specific switches into opt. */
static Status shape_options(CmdCtx *c, FmtShape shape, FmtOptions *opt)
{
    if (shape == FMT_TABLE) {
        opt->autosize = flag(c, FT_AUTOSIZE);
        opt->hide_headers = flag(c, FT_HIDE);
        opt->wrap = flag(c, FT_WRAP);
    } else if (shape == FMT_WIDE) {
        opt->autosize = flag(c, FW_AUTOSIZE);
        if (c->bound[FW_COLUMN]) {
            int n = (int)c->arg[FW_COLUMN].as.i;
            if (n < 1) return column_error(c, n);
            opt->wide_columns = n;
        }
    }
    return ST_OK;
}

static void text_write(void *ctx, const char *str, size_t len)
{
    sb_append(ctx, str, len);
}

/* Set up the Formatter from the arguments (CMD_BEGIN). */
static Status fmtcmd_open(CmdCtx *c, FmtCmd *s, FmtShape shape, unsigned allow)
{
    FmtOptions opt;
    interp_fmt_options(c->I, &opt, 1);
    opt.shape = shape;
    size_t nprop = !c->bound[P_PROP]              ? 0
                   : val_is_array(c->arg[P_PROP]) ? arr_len(c->arg[P_PROP])
                                                  : 1;
    s->calcs = xcalloc(nprop + 1, sizeof *s->calcs);
    s->ncalcs = nprop + 1;
    Status st = shape_options(c, shape, &opt);
    if (!st && nprop) st = build_cols(c, s, allow);
    if (!st && c->bound[P_GROUP] && !val_is_null(c->arg[P_GROUP])) {
        st = spec_col(c, s, &s->group, c->arg[P_GROUP], ALLOW_GROUP, &s->calcs[nprop]);
        if (!st && !s->group.label && s->group.prop) s->group.label = s->group.prop;
        s->has_group = !st;
    }
    if (st) return st;
    if (c->bound[P_VIEW] && !val_is_null(c->arg[P_VIEW]) && *val_str_data(c->arg[P_VIEW])) {
        if (nprop)
            return key_error(c, "FormatCannotSpecifyViewAndProperty", "%s",
                             "Cmdlet parameters View and Property are mutually exclusive.");
        s->view = xstrdup(val_str_data(c->arg[P_VIEW]));
    }
    if (shape == FMT_WIDE && opt.autosize && c->bound[FW_COLUMN])
        return key_error(c, "FormatCannotSpecifyAutosizeAndColumns", "%s",
                         "Cmdlet parameters AutoSize and Column are mutually exclusive.");
    opt.cols = s->ncols ? s->cols : NULL;
    opt.ncols = s->ncols;
    opt.group_by = s->has_group ? &s->group : NULL;
    opt.view = s->view;
    s->fmt = fmt_new(&opt, text_write, &s->text);
    return ST_OK;
}

/* Every finished line of s->text leaves as one string. */
static Status emit_lines(CmdCtx *c, FmtCmd *s)
{
    size_t start = 0;
    Status st = ST_OK;
    for (size_t i = 0; i < s->text.len && !st; i++) {
        if (s->text.buf[i] != '\n') continue;
        Value line = val_str_n(s->text.buf + start, i - start);
        st = pipe_put(c->I, c->out, line);
        val_unref(line);
        start = i + 1;
    }
    if (start) {
        memmove(s->text.buf, s->text.buf + start, s->text.len - start);
        s->text.len -= start;
    }
    return st;
}

static Status format_generic(CmdCtx *c, FmtShape shape, unsigned allow)
{
    FmtCmd *s = c->priv;
    if (!s) {
        s = xcalloc(1, sizeof *s);
        c->priv = s;
        c->priv_free = fmtcmd_free;
        Status st = fmtcmd_open(c, s, shape, allow);
        if (st) return st;
    }
    if (!s->fmt) return ST_OK;
    if (c->phase == CMD_PROCESS) {
        int cols = s->ncols > 0;
        if (c->has_input)
            feed_input(c->I, s->fmt, c->input, cols, flag(c, P_FORCE));
        else if (c->bound[P_INPUT])
            feed_input(c->I, s->fmt, c->arg[P_INPUT], cols, flag(c, P_FORCE));
    } else if (c->phase == CMD_END) {
        fmt_end(s->fmt);
    }
    return emit_lines(c, s);
}

/* ================================================================ cmdlets ==== */

/* Format-Table [[-Property] <Object[]>] [-AutoSize] [-RepeatHeader] [-HideTableHeaders]
 *   [-Wrap] [-GroupBy <Object>] [-View <string>] [-ShowError] [-DisplayError] [-Force]
 *   [-Expand <string>] [-InputObject <psobject>] */
static Status format_table(CmdCtx *c)
{
    return format_generic(c, FMT_TABLE, ALLOW_TABLE);
}

/* Format-List [[-Property] <Object[]>] [-GroupBy <Object>] [-View <string>] [-ShowError]
 *   [-DisplayError] [-Force] [-Expand <string>] [-InputObject <psobject>] */
static Status format_list(CmdCtx *c)
{
    return format_generic(c, FMT_LIST, ALLOW_LIST);
}

/* Format-Wide [[-Property] <Object>] [-AutoSize] [-Column <int>] [-GroupBy <Object>]
 *   [-View <string>] [-ShowError] [-DisplayError] [-Force] [-Expand <string>]
 *   [-InputObject <psobject>] */
static Status format_wide(CmdCtx *c)
{
    return format_generic(c, FMT_WIDE, ALLOW_WIDE);
}

const CmdDef formatcmds_table[] = {
    {"Format-Table", "ft", format_table, ft_params, NPARAMS(ft_params)},
    {"Format-List", "fl", format_list, fl_params, NPARAMS(fl_params)},
    {"Format-Wide", "fw", format_wide, fw_params, NPARAMS(fw_params)},
};
const int formatcmds_count = NPARAMS(formatcmds_table);
