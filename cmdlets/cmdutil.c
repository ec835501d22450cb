/*
** cmdutil: helpers shared by the cmdlet family files (see cmdutil.h).
*/
#include "cmdlets/cmdutil.h"

#include <stdarg.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/eval.h"
#include "runtime/mem.h"

int cmdutil_flag(CmdCtx *c, int i)
{
    return c->bound[i] && convert_truthy(c->arg[i]);
}

char *cmdutil_arg_str(CmdCtx *c, int i)
{
    if (!c->bound[i] || val_is_null(c->arg[i])) return NULL;
    Value s = convert_to_string(c->arg[i], NULL);
    char *p = xstrdup(val_str_data(s));
    val_unref(s);
    return p;
}

size_t cmdutil_count(Value v)
{
    return val_is_null(v) ? 0 : val_is_array(v) ? arr_len(v) : 1;
}

Value cmdutil_elem(Value v, size_t i)
{
    return val_is_array(v) ? arr_peek(v, i) : v;
}

Value cmdutil_error_rec(CmdCtx *c, ExcKind exc, ErrCategory cat, const char *id, Value target,
                        const char *msg)
{
    StrBuf fq = {0};
    sb_puts(&fq, id);
    if (!strchr(id, ',')) {
        sb_puts(&fq, ",Microsoft.PowerShell.Commands.");
        for (const char *p = c->def->name; *p; p++)
            if (*p != '-') sb_putc(&fq, *p);
        sb_puts(&fq, "Command");
    }
    ErrInit e = {.msg = msg,
                 .id = sb_str(&fq),
                 .exc = exc,
                 .inner = exc,
                 .cat = cat,
                 .command = c->def->name,
                 .prog = c->node ? c->I->prog : NULL,
                 .start = c->node ? c->node->start : 0,
                 .end = c->node ? c->node->end : 0};
    Value rec = errrec_new(&e);
    if (!val_is_null(target)) errrec_set_target(rec, target);
    sb_free(&fq);
    return rec;
}

Status cmdutil_fail(CmdCtx *c, ExcKind exc, ErrCategory cat, const char *id, const char *fmt, ...)
{
    StrBuf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    sb_vprintf(&msg, fmt, ap);
    va_end(ap);
    Value rec = cmdutil_error_rec(c, exc, cat, id, val_null(), sb_str(&msg));
    sb_free(&msg);
    return eval_throw_rec(c->I, rec, 0);
}

Status cmdutil_check_mandatory(CmdCtx *c, int pipe)
{
    StrBuf names = {0};
    for (int i = 0; i < c->def->nparams; i++) {
        const ParamSpec *p = &c->def->params[i];
        if (!(p->flags & PS_MANDATORY) || c->bound[i]) continue;
        if (!!(p->flags & PS_PIPELINE) != pipe) continue;
        sb_printf(&names, "%s%s", names.len ? " " : "", p->name);
    }
    Status st = ST_OK;
    if (names.len)
        st = cmdutil_fail(c, EXC_PARAMBIND, ERRCAT_INVALIDARGUMENT, "MissingMandatoryParameter",
                          "Cannot process command because of one or more missing mandatory "
                          "parameters: %s.",
                          sb_str(&names));
    sb_free(&names);
    return st;
}

Status cmdutil_enum_arg(CmdCtx *c, int i, const char *const *names, int n, const char *type,
                        int *out)
{
    *out = -1;
    if (!c->bound[i]) return ST_OK;
    Value v = val_base(c->arg[i]);
    if (val_is_integer(v) && v.as.i >= 0 && v.as.i < n) {
        *out = (int)v.as.i;
        return ST_OK;
    }
    Value s = convert_to_string(v, NULL);
    for (int k = 0; k < n && *out < 0; k++)
        if (str_icmp(val_str_data(s), names[k]) == 0) *out = k;
    Status st = ST_OK;
    if (*out < 0) {
        StrBuf all = {0};
        for (int k = 0; k < n; k++)
            sb_printf(&all, "%s%s", k ? ", " : "", names[k]);
        st = cmdutil_fail(
            c, EXC_PARAMBIND, ERRCAT_INVALIDARGUMENT, "CannotConvertArgumentNoMessage",
            "Cannot bind parameter '%s'. Cannot convert value \"%s\" to type \"%s\". "
            "Error: \"Unable to match the identifier name %s to a valid enumerator name. "
            "Specify one of the following enumerator names and try again:\n%s\"",
            c->def->params[i].name, val_str_data(s), type, val_str_data(s), sb_str(&all));
        sb_free(&all);
    }
    val_unref(s);
    return st;
}
