/*
** utility: the utility cmdlets (see utility.h).  Argument plumbing (ParamSpec tables and the
** c->arg[] indexes, named by an enum beside each table) is kept apart from the cmdlet logic so
** the move to the parameter-set binder (runtime/binder.c) only touches the tables.
** Aliases follow pwsh on Linux: only iex here (sleep is not an alias there: it is /bin/sleep).
*/
#include "cmdlets/utility.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmdlets/cmdutil.h"
#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/datefmt.h"
#include "runtime/eval.h"
#include "runtime/mem.h"
#include "runtime/members_kinds.h"
#include "runtime/object.h"
#include "runtime/scriptblock.h"
#include "runtime/streams.h"

#define NPARAMS(p)   (int)(sizeof(p) / sizeof(p[0]))
#define TICKS_PER_MS INT64_C(10000)

/* ================================================================ helpers ==== */

static Status emit_take(CmdCtx *c, Value v)
{
    Status st = pipe_emit(c->I, c->out, v);
    val_unref(v);
    return st;
}

/* [ValidateRange] failure on parameter name: value below (less) or above the limit. */
static Status range_fail(CmdCtx *c, const char *name, const char *value, int less,
                         const char *limit)
{
    return cmdutil_fail(c, EXC_PARAMBIND, ERRCAT_INVALIDDATA, "ParameterArgumentValidationError",
                        "Cannot validate argument on parameter '%s'. The %s argument is %s the %s "
                        "allowed range of %s. Supply an argument that is %s %s and then try the "
                        "command again.",
                        name, value, less ? "less than" : "greater than",
                        less ? "minimum" : "maximum", limit,
                        less ? "greater than or equal to" : "less than or equal to", limit);
}

/* Check an integer argument against [lo, hi]. */
static Status check_range(CmdCtx *c, int i, int64_t lo, int64_t hi)
{
    if (!c->bound[i]) return ST_OK;
    int64_t v = c->arg[i].as.i;
    char vs[32], ls[32];
    snprintf(vs, sizeof vs, "%lld", (long long)v);
    if (v < lo) {
        snprintf(ls, sizeof ls, "%lld", (long long)lo);
        return range_fail(c, c->def->params[i].name, vs, 1, ls);
    }
    if (v > hi) {
        snprintf(ls, sizeof ls, "%lld", (long long)hi);
        return range_fail(c, c->def->params[i].name, vs, 0, ls);
    }
    return ST_OK;
}

/* Parts of a DateTime value for formatting: the offset is the local zone's unless it is UTC. */
static void date_parts(Value d, DtParts *p)
{
    dt_from_ticks(d.as.i, p);
    p->kind = (DtKind)d.aux;
    p->offset_min = d.aux == DT_UTC ? 0 : dt_local_offset_min(d.as.i);
}

static Value now_local(void)
{
    DtParts p;
    dt_now(&p, 0);
    return val_datetime(dt_to_ticks(&p), DT_LOCAL);
}

/* ================================================================ Get-Date ==== */

static int days_in_month(int y, int m)
{
    static const int dim[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : dim[m - 1];
}

/* DateTime.AddMonths: the day is clamped to the new month's length. */
static int64_t add_months(int64_t ticks, int64_t months)
{
    DtParts p;
    dt_from_ticks(ticks, &p);
    int64_t total = (int64_t)p.year * 12 + (p.month - 1) + months;
    if (total < 12 || total > 9999 * 12 + 11) return ticks;
    p.year = (int)(total / 12);
    p.month = (int)(total % 12) + 1;
    if (p.day > days_in_month(p.year, p.month)) p.day = days_in_month(p.year, p.month);
    return dt_to_ticks(&p);
}

/* Get-Date [[-Date] <DateTime>] [-Year <int>] [-Month <int>] [-Day <int>] [-Hour <int>]
 *          [-Minute <int>] [-Second <int>] [-Millisecond <int>] [-DisplayHint <DisplayHintType>]
 *          [-Format <string>] [-UFormat <string>] [-AsUTC] [-UnixTimeSeconds <long>] */
enum {
    GD_DATE,
    GD_YEAR,
    GD_MONTH,
    GD_DAY,
    GD_HOUR,
    GD_MINUTE,
    GD_SECOND,
    GD_MS,
    GD_HINT,
    GD_FORMAT,
    GD_UFORMAT,
    GD_ASUTC,
    GD_UNIX
};
static const ParamSpec get_date_params[] = {
    [GD_DATE] = {.name = "Date",
                 .alias = "LastWriteTime",
                 .type = TY_DATETIME,
                 .position = 0,
                 .flags = PS_PIPELINE},
    [GD_YEAR] = {.name = "Year", .type = TY_INT32, .position = -1},
    [GD_MONTH] = {.name = "Month", .type = TY_INT32, .position = -1},
    [GD_DAY] = {.name = "Day", .type = TY_INT32, .position = -1},
    [GD_HOUR] = {.name = "Hour", .type = TY_INT32, .position = -1},
    [GD_MINUTE] = {.name = "Minute", .type = TY_INT32, .position = -1},
    [GD_SECOND] = {.name = "Second", .type = TY_INT32, .position = -1},
    [GD_MS] = {.name = "Millisecond", .type = TY_INT32, .position = -1},
    [GD_HINT] = {.name = "DisplayHint", .type = TY_OBJECT, .position = -1},
    [GD_FORMAT] = {.name = "Format", .type = TY_STRING, .position = -1},
    [GD_UFORMAT] = {.name = "UFormat", .type = TY_STRING, .position = -1},
    [GD_ASUTC] = {.name = "AsUTC", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [GD_UNIX] = {.name = "UnixTimeSeconds", .alias = "UnixTime", .type = TY_INT64, .position = -1},
};

/* [ValidateRange] of -Year .. -Millisecond, in table order. */
static const int64_t date_ranges[][2] = {
    {1, 9999}, {1, 12}, {1, 31}, {0, 23}, {0, 59}, {0, 59}, {0, 999},
};

static const char *const hint_names[] = {"Date", "Time", "DateTime"};

static Status get_date_validate(CmdCtx *c)
{
    int hint;
    if (cmdutil_enum_arg(c, GD_HINT, hint_names, 3,
                         "Microsoft.PowerShell.Commands.DisplayHintType", &hint))
        return ST_THROW;
    for (int i = GD_YEAR; i <= GD_MS; i++) {
        Status st = check_range(c, i, date_ranges[i - GD_YEAR][0], date_ranges[i - GD_YEAR][1]);
        if (st) return st;
    }
    if (c->bound[GD_FORMAT] && c->bound[GD_UFORMAT])
        return cmdutil_fail(
            c, EXC_PARAMBIND, ERRCAT_INVALIDARGUMENT, "AmbiguousParameterSet",
            "Parameter set cannot be resolved using the specified named parameters. "
            "One or more parameters issued cannot be used together or an insufficient "
            "number of parameters were provided.");
    return ST_OK;
}

/* The date the command starts from: -Date, -UnixTimeSeconds or now. */
static Value get_date_base(CmdCtx *c, Value date)
{
    if (date.kind == VAL_DATETIME) return date;
    if (c->bound[GD_UNIX]) {
        int64_t utc = DT_UNIX_EPOCH_TICKS + c->arg[GD_UNIX].as.i * DT_TICKS_PER_SECOND;
        return val_datetime(utc + dt_local_offset_min(utc) * 60 * DT_TICKS_PER_SECOND, DT_LOCAL);
    }
    return now_local();
}

/* -Year .. -Millisecond replace their part (pwsh adds the difference, as AddYears etc. do). */
static Value get_date_adjust(CmdCtx *c, Value d)
{
    DtParts p;
    dt_from_ticks(d.as.i, &p);
    int64_t t = d.as.i;
    if (c->bound[GD_YEAR]) t = add_months(t, (c->arg[GD_YEAR].as.i - p.year) * 12);
    if (c->bound[GD_MONTH]) t = add_months(t, c->arg[GD_MONTH].as.i - p.month);
    static const int64_t unit[] = {DT_TICKS_PER_DAY, 3600 * DT_TICKS_PER_SECOND,
                                   60 * DT_TICKS_PER_SECOND, DT_TICKS_PER_SECOND, TICKS_PER_MS};
    int cur[] = {p.day, p.hour, p.minute, p.second, (int)(p.frac / TICKS_PER_MS)};
    for (int i = 0; i < 5; i++)
        if (c->bound[GD_DAY + i]) t += (c->arg[GD_DAY + i].as.i - cur[i]) * unit[i];
    return val_datetime(t, d.aux);
}

static Value to_utc(Value d)
{
    if (d.aux == DT_UTC) return d;
    return val_datetime(d.as.i - (int64_t)dt_local_offset_min(d.as.i) * 60 * DT_TICKS_PER_SECOND,
                        DT_UTC);
}

/* pwsh's Get-Date adds the DisplayHint note (DateTime unless -DisplayHint says otherwise);
 * Out-Default reads it to show the date, the time or both. */
static Status get_date_emit_hinted(CmdCtx *c, Value d)
{
    int hint = 2;
    cmdutil_enum_arg(c, GD_HINT, hint_names, 3, "Microsoft.PowerShell.Commands.DisplayHintType",
                     &hint);
    Value name = val_str(hint_names[hint < 0 ? 2 : hint]);
    Value r = object_with_note(d, "DisplayHint", 11, name);
    val_unref(name);
    return emit_take(c, r);
}

static Status get_date_emit(CmdCtx *c, Value date)
{
    Value d = get_date_adjust(c, get_date_base(c, date));
    if (cmdutil_flag(c, GD_ASUTC)) d = to_utc(d);
    if (!c->bound[GD_FORMAT] && !c->bound[GD_UFORMAT]) return get_date_emit_hinted(c, d);
    DtParts p;
    date_parts(d, &p);
    StrBuf sb = {0};
    if (c->bound[GD_UFORMAT]) {
        dt_uformat(&sb, &p, val_str_data(c->arg[GD_UFORMAT]));
    } else if (dt_format(&sb, &p, val_str_data(c->arg[GD_FORMAT]), NF_EN_US) != NF_OK) {
        sb_free(&sb);
        return cmdutil_fail(c, EXC_FORMAT, ERRCAT_NOTSPECIFIED, "System.FormatException",
                            "Input string was not in a correct format.");
    }
    return emit_take(c, val_str_take_sb(&sb));
}

static Status get_date(CmdCtx *c)
{
    if (c->phase == CMD_BEGIN) return get_date_validate(c);
    if (c->phase != CMD_PROCESS) return ST_OK;
    if (!c->has_input) return get_date_emit(c, c->arg[GD_DATE]);
    Value d;
    ConvError ce;
    if (convert_to(c->input, TY_DATETIME, 0, &d, &ce) != 0)
        return eval_fail_conv(c->I, c->node, &ce);
    return get_date_emit(c, d);
}

/* ================================================================ New-TimeSpan ==== */

/* New-TimeSpan [[-Start] <DateTime>] [[-End] <DateTime>]
 * New-TimeSpan [-Days <int>] [-Hours <int>] [-Minutes <int>] [-Seconds <int>]
 *              [-Milliseconds <int>] */
enum { TS_START, TS_END, TS_DAYS, TS_HOURS, TS_MINUTES, TS_SECONDS, TS_MS };
static const ParamSpec new_timespan_params[] = {
    [TS_START] = {.name = "Start",
                  .alias = "LastWriteTime",
                  .type = TY_DATETIME,
                  .position = 0,
                  .flags = PS_PIPELINE},
    [TS_END] = {.name = "End", .type = TY_DATETIME, .position = 1},
    [TS_DAYS] = {.name = "Days", .type = TY_INT32, .position = -1},
    [TS_HOURS] = {.name = "Hours", .type = TY_INT32, .position = -1},
    [TS_MINUTES] = {.name = "Minutes", .type = TY_INT32, .position = -1},
    [TS_SECONDS] = {.name = "Seconds", .type = TY_INT32, .position = -1},
    [TS_MS] = {.name = "Milliseconds", .type = TY_INT32, .position = -1},
};

static int64_t timespan_from_parts(CmdCtx *c)
{
    static const int64_t unit[] = {DT_TICKS_PER_DAY, 3600 * DT_TICKS_PER_SECOND,
                                   60 * DT_TICKS_PER_SECOND, DT_TICKS_PER_SECOND, TICKS_PER_MS};
    int64_t t = 0;
    for (int i = 0; i < 5; i++)
        if (c->bound[TS_DAYS + i]) t += c->arg[TS_DAYS + i].as.i * unit[i];
    return t;
}

static Status new_timespan(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    int by_parts = 0;
    for (int i = TS_DAYS; i <= TS_MS; i++)
        by_parts |= c->bound[i];
    if (by_parts && (c->bound[TS_START] || c->bound[TS_END] || c->has_input))
        return cmdutil_fail(
            c, EXC_PARAMBIND, ERRCAT_INVALIDARGUMENT, "AmbiguousParameterSet",
            "Parameter set cannot be resolved using the specified named parameters. "
            "One or more parameters issued cannot be used together or an insufficient "
            "number of parameters were provided.");
    if (by_parts) return pipe_emit(c->I, c->out, val_timespan(timespan_from_parts(c)));
    Value start = c->has_input ? c->input : c->arg[TS_START];
    Value tmp;
    ConvError ce;
    if (c->has_input) {
        if (convert_to(start, TY_DATETIME, 0, &tmp, &ce) != 0)
            return eval_fail_conv(c->I, c->node, &ce);
        start = tmp;
    }
    int64_t s = start.kind == VAL_DATETIME ? start.as.i : now_local().as.i;
    int64_t e = c->bound[TS_END] ? c->arg[TS_END].as.i : now_local().as.i;
    return pipe_emit(c->I, c->out, val_timespan(e - s));
}

/* ================================================================ New-Guid ==== */

/* New-Guid */
static const ParamSpec no_params[1];
static Status new_guid(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    return emit_take(c, mkinds_guid_new());
}

/* ================================================================ Get-Random ==== */

/* The generator: xoshiro256**, one state per thread (a runspace lives on one thread). */
typedef struct Rng {
    uint64_t s[4];
    int seeded;
} Rng;

static _Thread_local Rng rng;

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

static void rng_seed(uint64_t seed)
{
    for (int i = 0; i < 4; i++)
        rng.s[i] = splitmix(&seed);
    rng.seeded = 1;
}

static uint64_t rotl(uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

static uint64_t rng_next(void)
{
    if (!rng.seeded) {
        uint64_t seed = 0;
        FILE *f = fopen("/dev/urandom", "rb");
        if (!f || fread(&seed, sizeof seed, 1, f) != 1) {
            struct timespec ts;
            clock_gettime(CLOCK_REALTIME, &ts);
            seed = (uint64_t)ts.tv_nsec ^ ((uint64_t)ts.tv_sec << 20) ^ (uint64_t)getpid();
        }
        if (f) fclose(f);
        rng_seed(seed);
    }
    uint64_t *s = rng.s, r = rotl(s[1] * 5, 7) * 9, t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return r;
}

/* Uniform in [0, n) without modulo bias; n > 0. */
static uint64_t rng_below(uint64_t n)
{
    uint64_t lim = UINT64_MAX - UINT64_MAX % n, r;
    do
        r = rng_next();
    while (r >= lim);
    return r % n;
}

static double rng_unit(void)
{
    return (double)(rng_next() >> 11) * (1.0 / 9007199254740992.0);
}

/* Get-Random [[-Maximum] <Object>] [-SetSeed <int>] [-Minimum <Object>] [-Count <int>]
 * Get-Random [-InputObject] <Object[]> [-SetSeed <int>] [-Count <int>]
 * Get-Random [-InputObject] <Object[]> [-SetSeed <int>] -Shuffle */
enum { GR_MAX, GR_SEED, GR_MIN, GR_COUNT, GR_INPUT, GR_SHUFFLE };
static const ParamSpec get_random_params[] = {
    [GR_MAX] = {.name = "Maximum", .type = TY_OBJECT, .position = 0},
    [GR_SEED] = {.name = "SetSeed", .type = TY_INT32, .position = -1},
    [GR_MIN] = {.name = "Minimum", .type = TY_OBJECT, .position = -1},
    [GR_COUNT] = {.name = "Count", .type = TY_INT32, .position = -1},
    [GR_INPUT] = {.name = "InputObject",
                  .type = TY_OBJECT,
                  .is_array = 1,
                  .position = -1,
                  .flags = PS_PIPELINE},
    [GR_SHUFFLE] = {.name = "Shuffle", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

typedef enum NumKind { NK_INT32, NK_INT64, NK_DOUBLE } NumKind;

/* -Minimum/-Maximum as a number; *kind is widened to what it needs. */
static Status random_bound(CmdCtx *c, int i, double *out, int64_t *iout, NumKind *kind)
{
    if (!c->bound[i] || val_is_null(c->arg[i])) return ST_OK;
    Value n;
    ConvError ce;
    Value v = val_base(c->arg[i]);
    TypeId want = v.kind == VAL_INT64 ? TY_INT64 : TY_DOUBLE;
    if (v.kind == VAL_INT32 || (val_is_str(v) && convert_to(v, TY_INT32, 0, &n, &ce) == 0))
        want = TY_INT32;
    else if (val_is_str(v) && convert_to(v, TY_INT64, 0, &n, &ce) == 0)
        want = TY_INT64;
    if (convert_to(v, want, 0, &n, &ce) != 0) return eval_fail_conv(c->I, c->node, &ce);
    *out = want == TY_DOUBLE ? n.as.d : (double)n.as.i;
    *iout = want == TY_DOUBLE ? 0 : n.as.i;
    NumKind k = want == TY_INT32 ? NK_INT32 : want == TY_INT64 ? NK_INT64 : NK_DOUBLE;
    if (k > *kind) *kind = k;
    return ST_OK;
}

static void num_text(Value v, StrBuf *sb)
{
    convert_append_string(val_base(v), NULL, sb);
}

static Status random_min_max_fail(CmdCtx *c)
{
    StrBuf a = {0}, b = {0};
    num_text(c->arg[GR_MIN], &a);
    if (c->bound[GR_MAX])
        num_text(c->arg[GR_MAX], &b);
    else
        sb_puts(&b, "2147483647");
    Status st =
        cmdutil_fail(c, EXC_ARGUMENT, ERRCAT_INVALIDARGUMENT, "MinGreaterThanOrEqualMax",
                     "The Minimum value (%s) cannot be greater than or equal to the Maximum "
                     "value (%s).",
                     sb_str(&a), sb_str(&b));
    sb_free(&a);
    sb_free(&b);
    return st;
}

/* One random number for the -Minimum/-Maximum parameter set. */
static Status random_number(CmdCtx *c, Value *out)
{
    NumKind kind = NK_INT32;
    double dmin = 0, dmax = 2147483647.0;
    int64_t imin = 0, imax = INT32_MAX;
    Status st = random_bound(c, GR_MIN, &dmin, &imin, &kind);
    if (!st) st = random_bound(c, GR_MAX, &dmax, &imax, &kind);
    if (st) return st;
    if (kind == NK_INT64 && !c->bound[GR_MAX]) imax = INT64_MAX, dmax = (double)INT64_MAX;
    if (dmin >= dmax && (kind == NK_DOUBLE || imin >= imax)) return random_min_max_fail(c);
    if (kind == NK_DOUBLE) {
        *out = val_double(dmin + (dmax - dmin) * rng_unit());
        return ST_OK;
    }
    int64_t r = imin + (int64_t)rng_below((uint64_t)(imax - imin));
    *out = kind == NK_INT32 ? val_int((int32_t)r) : val_long(r);
    return ST_OK;
}

/* Pick count distinct items of the buffered input (all of them, shuffled, for -Shuffle). */
static Status random_pick(CmdCtx *c, Value items)
{
    size_t n = val_is_null(items) ? 0 : arr_len(items);
    size_t want = cmdutil_flag(c, GR_SHUFFLE) ? n
                  : c->bound[GR_COUNT]        ? (size_t)c->arg[GR_COUNT].as.i
                                              : 1;
    if (want > n) want = n;
    size_t *idx = xmalloc((n ? n : 1) * sizeof *idx);
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    Status st = ST_OK;
    for (size_t i = 0; i < want && !st; i++) {
        size_t j = i + (size_t)rng_below(n - i), t = idx[i];
        idx[i] = idx[j];
        idx[j] = t;
        st = pipe_emit(c->I, c->out, arr_peek(items, idx[i]));
    }
    free(idx);
    return st;
}

static Status get_random_begin(CmdCtx *c)
{
    if (c->bound[GR_SEED]) rng_seed((uint64_t)c->arg[GR_SEED].as.i);
    if (c->bound[GR_COUNT] && c->arg[GR_COUNT].as.i < 1) {
        char vs[32];
        snprintf(vs, sizeof vs, "%lld", (long long)c->arg[GR_COUNT].as.i);
        return range_fail(c, "Count", vs, 1, "1");
    }
    return ST_OK;
}

static Status get_random(CmdCtx *c)
{
    if (c->phase == CMD_BEGIN) return get_random_begin(c);
    if (c->phase == CMD_PROCESS) {
        if (!c->has_input) return ST_OK;
        if (c->state.kind == VAL_NULL) c->state = arr_new(TY_OBJECT, 16);
        arr_push(c->state, c->input);
        return ST_OK;
    }
    if (c->state.kind != VAL_NULL) return random_pick(c, c->state);
    if (c->bound[GR_INPUT]) return random_pick(c, c->arg[GR_INPUT]);
    long n = c->bound[GR_COUNT] ? (long)c->arg[GR_COUNT].as.i : 1;
    for (long i = 0; i < n; i++) {
        Value v;
        Status st = random_number(c, &v);
        if (!st) st = emit_take(c, v);
        if (st) return st;
    }
    return ST_OK;
}

/* ================================================================ Measure-Command ==== */

static int64_t mono_ticks(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * DT_TICKS_PER_SECOND + ts.tv_nsec / 100;
}

/* Measure-Command [-Expression] <ScriptBlock> [-InputObject <PSObject>]
 * The block runs dot-sourced, its output discarded; the elapsed time (TimeSpan) is written at
 * the end.  With pipeline input it runs once per object with $_ set. */
enum { MC_EXPR, MC_INPUT };
static const ParamSpec measure_command_params[] = {
    [MC_EXPR] = {.name = "Expression",
                 .type = TY_SCRIPTBLOCK,
                 .position = 0,
                 .flags = PS_MANDATORY},
    [MC_INPUT] = {.name = "InputObject", .type = TY_OBJECT, .position = -1, .flags = PS_PIPELINE},
};

static Status measure_command(CmdCtx *c)
{
    if (c->phase == CMD_BEGIN) return cmdutil_check_mandatory(c, 0);
    if (c->phase == CMD_END) return pipe_emit(c->I, c->out, val_timespan(c->count));
    if (c->phase != CMD_PROCESS) return ST_OK;
    int64_t t0 = mono_ticks();
    Value sb = c->arg[MC_EXPR];
    Status st = c->has_input ? eval_invoke_item(c->I, sb, c->input, pipe_null())
                             : eval_invoke(c->I, sb, 1, NULL, 0, val_null(), 0, pipe_null());
    c->count += (long)(mono_ticks() - t0);
    return st;
}

/* ================================================================ Start-Sleep ==== */

/* Start-Sleep [-Seconds] <double>
 * Start-Sleep -Milliseconds <int>
 * Start-Sleep -Duration <TimeSpan> */
enum { SS_SECONDS, SS_MS, SS_DURATION };
static const ParamSpec start_sleep_params[] = {
    [SS_SECONDS] = {.name = "Seconds", .type = TY_DOUBLE, .position = 0},
    [SS_MS] = {.name = "Milliseconds", .alias = "ms", .type = TY_INT32, .position = -1},
    [SS_DURATION] = {.name = "Duration", .alias = "ts", .type = TY_TIMESPAN, .position = -1},
};

/* Interruptible: Ctrl+C or Stop-Job ends the sleep at once with ST_STOP. */
static Status sleep_ticks(CmdCtx *c, int64_t ticks)
{
    return interp_sleep(c->I, ticks > INT64_MAX / 100 ? INT64_MAX : (long long)ticks * 100);
}

static Status start_sleep(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    int given = c->bound[SS_SECONDS] + c->bound[SS_MS] + c->bound[SS_DURATION];
    if (given != 1)
        return cmdutil_fail(
            c, EXC_PARAMBIND, ERRCAT_INVALIDARGUMENT, "AmbiguousParameterSet",
            "Parameter set cannot be resolved using the specified named parameters. "
            "One or more parameters issued cannot be used together or an insufficient "
            "number of parameters were provided.");
    if (c->bound[SS_MS]) {
        Status st = check_range(c, SS_MS, 0, INT32_MAX);
        return st ? st : sleep_ticks(c, c->arg[SS_MS].as.i * TICKS_PER_MS);
    }
    if (c->bound[SS_DURATION])
        return sleep_ticks(c, c->arg[SS_DURATION].as.i < 0 ? 0 : c->arg[SS_DURATION].as.i);
    double s = c->arg[SS_SECONDS].as.d;
    if (s < 0 || s > 2147483.0) {
        StrBuf vs = {0};
        convert_double_g(s, 15, &vs);
        Status st = range_fail(c, "Seconds", sb_str(&vs), s < 0, s < 0 ? "0" : "2147483");
        sb_free(&vs);
        return st;
    }
    return sleep_ticks(c, (int64_t)(s * (double)DT_TICKS_PER_SECOND));
}

/* ================================================================ Invoke-Expression ==== */

/* Invoke-Expression [-Command] <string>: parsed, then run in the current scope. */
enum { IE_COMMAND };
static const ParamSpec invoke_expression_params[] = {
    [IE_COMMAND] = {.name = "Command",
                    .type = TY_STRING,
                    .position = 0,
                    .flags = PS_PIPELINE | PS_MANDATORY},
};

static Status iex_parse_error(Interp *I, Program *p)
{
    const ParseError *e = prog_error(p, 0);
    ErrInit ei = {.msg = e->msg,
                  .id = e->id,
                  .exc = EXC_RUNTIME,
                  .inner = EXC_RUNTIME,
                  .cat = ERRCAT_INVALIDDATA,
                  .prog = p,
                  .start = e->span.start,
                  .end = e->span.end,
                  .reason = "ParserError"};
    return eval_throw_rec(I, errrec_new(&ei), 0);
}

static Status iex_run(CmdCtx *c, Value cmd)
{
    Value s = convert_to_string(cmd, NULL);
    Program *p = parse_program(val_str_data(s), val_str_len(s), NULL);
    Status st;
    if (prog_nerrors(p)) {
        st = iex_parse_error(c->I, p);
    } else {
        Value sb = scriptblock_new(p, prog_root(p), val_str_data(s), val_str_len(s));
        st = eval_invoke(c->I, sb, 1, NULL, 0, val_null(), 0, c->out);
        val_unref(sb);
    }
    prog_unref(p);
    val_unref(s);
    return st;
}

static Status invoke_expression(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    if (!c->has_input && cmdutil_check_mandatory(c, 1)) return ST_THROW;
    if (c->has_input) return val_is_null(c->input) ? ST_OK : iex_run(c, c->input);
    return c->bound[IE_COMMAND] ? iex_run(c, c->arg[IE_COMMAND]) : ST_OK;
}

/* ================================================================ Read-Host ==== */

/* Read-Host [[-Prompt] <Object>] [-MaskInput] [-AsSecureString]: writes "Prompt: " to the
 * host and returns one line of standard input (without its newline); $null at end of input. */
enum { RH_PROMPT, RH_MASK, RH_SECURE };
static const ParamSpec read_host_params[] = {
    [RH_PROMPT] = {.name = "Prompt", .type = TY_OBJECT, .position = 0, .flags = PS_REMAINING},
    [RH_MASK] = {.name = "MaskInput", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [RH_SECURE] = {.name = "AsSecureString", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

/* A job's Read-Host: its runspace reads through the job (Blocked until answered). */
static Status read_hooked(CmdCtx *c)
{
    char *line = NULL;
    int rc = c->I->read_fn(c->I->read_ctx, c->I, &line);
    if (rc < 0 || interp_stopping(c->I)) return free(line), ST_STOP;
    if (rc == 0)
        return cmdutil_fail(c, EXC_INVALIDOP, ERRCAT_INVALIDOPERATION, "InvalidOperation",
                            "PowerShell is in NonInteractive mode. Read and Prompt functionality "
                            "is not available.");
    Value v = val_str(line);
    free(line);
    return emit_take(c, v);
}

static Status read_host(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    if (cmdutil_flag(c, RH_SECURE))
        return cmdutil_fail(c, EXC_NOTSUPPORTED, ERRCAT_NOTSPECIFIED, "NotSupported",
                            "SecureString is not supported by psmini.");
    if (c->bound[RH_PROMPT]) {
        StrBuf sb = {0};
        convert_append_string(c->arg[RH_PROMPT], NULL, &sb);
        sb_puts(&sb, ": ");
        interp_flush_output(c->I);
        c->I->host_fn(c->I->host_ctx, sb.buf, sb.len);
        sb_free(&sb);
    }
    if (interp_stopping(c->I)) return ST_STOP; /* Ctrl+C came before the read */
    if (c->I->read_fn) return read_hooked(c);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, stdin);
    if (n < 0) {
        free(line);
        clearerr(stdin); /* a Ctrl+C (EINTR) must not end the input for good */
        if (interp_stopping(c->I)) return ST_STOP;
        return pipe_emit(c->I, c->out, val_null());
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        n--;
    Value v = val_str_n(line, (size_t)n);
    free(line);
    return emit_take(c, v);
}

/* ================================================================ Write-Host ==== */

/* System.ConsoleColor names in enum order, and their VT foreground codes. */
static const char *const color_names[] = {"Black",    "DarkBlue",    "DarkGreen",  "DarkCyan",
                                          "DarkRed",  "DarkMagenta", "DarkYellow", "Gray",
                                          "DarkGray", "Blue",        "Green",      "Cyan",
                                          "Red",      "Magenta",     "Yellow",     "White"};
static const int color_vt[] = {30, 34, 32, 36, 31, 35, 33, 37, 90, 94, 92, 96, 91, 95, 93, 97};
#define NCOLORS (int)(sizeof color_names / sizeof color_names[0])

/* Write-Host [[-Object] <Object>] [-NoNewline] [-Separator <Object>]
 *            [-ForegroundColor <ConsoleColor>] [-BackgroundColor <ConsoleColor>] */
enum { WH_OBJECT, WH_NONEWLINE, WH_SEPARATOR, WH_FG, WH_BG };
static const ParamSpec write_host_params[] = {
    [WH_OBJECT] = {.name = "Object",
                   .alias = "Msg Message",
                   .type = TY_OBJECT,
                   .position = 0,
                   .flags = PS_PIPELINE | PS_REMAINING},
    [WH_NONEWLINE] = {.name = "NoNewline", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [WH_SEPARATOR] = {.name = "Separator", .type = TY_OBJECT, .position = -1},
    [WH_FG] = {.name = "ForegroundColor", .type = TY_OBJECT, .position = -1},
    [WH_BG] = {.name = "BackgroundColor", .type = TY_OBJECT, .position = -1},
};

/* Objects joined by sep; collections are flattened (pwsh enumerates them). */
static void host_append(Value v, const char *sep, int *first, StrBuf *sb)
{
    if (val_is_array(v)) {
        for (size_t i = 0; i < arr_len(v); i++)
            host_append(arr_peek(v, i), sep, first, sb);
        return;
    }
    if (!*first) sb_puts(sb, sep);
    *first = 0;
    convert_append_string(v, NULL, sb);
}

static void host_text(CmdCtx *c, StrBuf *sb)
{
    Value sepv =
        c->bound[WH_SEPARATOR] ? convert_to_string(c->arg[WH_SEPARATOR], NULL) : val_str(" ");
    int first = 1;
    Value obj = c->has_input ? c->input : c->arg[WH_OBJECT];
    if (c->has_input || c->bound[WH_OBJECT]) host_append(obj, val_str_data(sepv), &first, sb);
    val_unref(sepv);
}

static Status write_host(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    int fg, bg;
    Status st = cmdutil_enum_arg(c, WH_FG, color_names, NCOLORS, "System.ConsoleColor", &fg);
    if (!st) st = cmdutil_enum_arg(c, WH_BG, color_names, NCOLORS, "System.ConsoleColor", &bg);
    if (st) return st;
    StrBuf text = {0}, sb = {0};
    host_text(c, &text);
    if (c->I->spipe[STREAM_INFO]) { /* 6>&1, 6>$null, 6>file: an InformationRecord */
        Value r = inforec_new_host(sb_str(&text));
        if (cmdutil_flag(c, WH_NONEWLINE)) inforec_set_nonewline(r);
        st = pipe_put(c->I, c->I->spipe[STREAM_INFO], r);
        val_unref(r);
        sb_free(&text);
        return st;
    }
    int color = isatty(STDOUT_FILENO) && (fg >= 0 || bg >= 0);
    if (color && fg >= 0) sb_printf(&sb, "\x1b[%dm", color_vt[fg]);
    if (color && bg >= 0) sb_printf(&sb, "\x1b[%dm", color_vt[bg] + 10);
    sb_append(&sb, sb_str(&text), text.len);
    if (color) sb_puts(&sb, "\x1b[0m");
    if (!cmdutil_flag(c, WH_NONEWLINE)) sb_putc(&sb, '\n');
    interp_flush_output(c->I);
    c->I->host_fn(c->I->host_ctx, sb_str(&sb), sb.len);
    sb_free(&text);
    sb_free(&sb);
    return ST_OK;
}

/* ================================================================ the family ==== */

const CmdDef utility_table[] = {
    {"Get-Date", NULL, get_date, get_date_params, NPARAMS(get_date_params)},
    {"New-TimeSpan", NULL, new_timespan, new_timespan_params, NPARAMS(new_timespan_params)},
    {"New-Guid", NULL, new_guid, no_params, 0},
    {"Get-Random", NULL, get_random, get_random_params, NPARAMS(get_random_params)},
    {"Measure-Command", NULL, measure_command, measure_command_params,
     NPARAMS(measure_command_params)},
    {"Start-Sleep", NULL, start_sleep, start_sleep_params, NPARAMS(start_sleep_params)},
    {"Invoke-Expression", "iex", invoke_expression, invoke_expression_params,
     NPARAMS(invoke_expression_params)},
    {"Read-Host", NULL, read_host, read_host_params, NPARAMS(read_host_params)},
    {"Write-Host", NULL, write_host, write_host_params, NPARAMS(write_host_params)},
};
const int utility_count = NPARAMS(utility_table);
