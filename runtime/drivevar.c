/*
** drivevar: $function:f and $alias:x (see drivevar.h).
*/
#include "runtime/drivevar.h"

#include "runtime/convert.h"
#include "runtime/eval.h"
#include "runtime/mem.h"
#include "runtime/scriptblock.h"

static Value alias_target(Interp *I, const char *name, size_t len)
{
    Var *a = scope_alias_lookup(I->cur, name, len);
    if (a) return val_ref(var_value(a));
    const CmdDef *d = cmd_find(I, name, len);
    return d && !str_ieq_slice(name, len, d->name) ? val_str(d->name) : val_null();
}

int drivevar_get(Interp *I, const char *drive, const char *name, size_t len, Value *out)
{
    if (!str_icmp(drive, "function")) {
        *out = val_ref(scope_func_lookup(I->cur, name, len, NULL));
        return 1;
    }
    if (!str_icmp(drive, "alias")) {
        *out = alias_target(I, name, len);
        return 1;
    }
    return 0;
}

/* Anything but a ScriptBlock goes through its text, as pwsh converts a string. */
static void func_assign(Interp *I, const char *name, size_t len, Value v)
{
    Value base = val_base(v);
    if (val_is_null(base)) {
        for (Scope *s = I->cur; s; s = scope_parent(s))
            if (scope_func_remove(s, name, len)) return;
        return;
    }
    if (val_is(base, &cls_scriptblock)) {
        scope_func_define(I->cur, name, len, base, 0);
        return;
    }
    Value text = convert_to_string(v, NULL);
    Program *p = parse_program(val_str_data(text), val_str_len(text), NULL);
    val_unref(text);
    if (!prog_nerrors(p)) {
        Value sb = scriptblock_new(p, prog_root(p), NULL, 0);
        scope_func_define(I->cur, name, len, sb, 0);
        val_unref(sb);
    }
    prog_unref(p);
}

int drivevar_set(Interp *I, const char *drive, const char *name, size_t len, Value v)
{
    if (!str_icmp(drive, "function")) {
        func_assign(I, name, len, v);
        return 1;
    }
    if (!str_icmp(drive, "alias")) {
        Value s = convert_to_string(v, NULL);
        scope_alias_define(I->cur, name, len, s, 0);
        val_unref(s);
        return 1;
    }
    return 0;
}
