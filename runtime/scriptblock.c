/*
** scriptblock: a refcounted handle on (Program, Node, source text).
*/
#include "runtime/scriptblock.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/mem.h"

typedef struct ObjScript {
    Obj obj;
    Program *prog; /* owned reference */
    Node *node;    /* inside prog's arena */
    char *text;    /* owned copy of the source text */
    Value closure; /* GetNewClosure: captured variables (ordered hashtable) or $null */
} ObjScript;

static ObjScript *as_script(Value v)
{
    return (ObjScript *)v.as.o;
}

static void script_free(Obj *o)
{
    ObjScript *s = (ObjScript *)o;
    prog_unref(s->prog);
    free(s->text);
    val_unref(s->closure);
}

static void script_to_string(Value self, StrBuf *out)
{
    sb_puts(out, as_script(self)->text);
}

static void script_share(Obj *o)
{
    val_share(((ObjScript *)o)->closure);
}

const ObjClass cls_scriptblock = {
    .name = "ScriptBlock",
    .full_name = "System.Management.Automation.ScriptBlock",
    .type = TY_SCRIPTBLOCK,
    .free = script_free,
    .to_string = script_to_string,
    .share = script_share,
};

Value scriptblock_new(Program *p, Node *n, const char *text, size_t len)
{
    ObjScript *s = (ObjScript *)obj_alloc(&cls_scriptblock, sizeof(ObjScript));
    s->prog = p ? prog_ref(p) : NULL;
    s->node = n;
    s->text = text ? xstrndup(text, len) : xstrdup("");
    s->closure = val_null();
    return val_obj_take(&s->obj);
}

Program *scriptblock_program(Value sb)
{
    return as_script(sb)->prog;
}

Node *scriptblock_node(Value sb)
{
    return as_script(sb)->node;
}

const char *scriptblock_text(Value sb)
{
    return as_script(sb)->text;
}

Value scriptblock_with_closure(Value sb, Value vars)
{
    ObjScript *o = as_script(sb);
    Value c = scriptblock_new(o->prog, o->node, o->text, strlen(o->text));
    as_script(c)->closure = val_ref(vars);
    return c;
}

Value scriptblock_closure(Value sb)
{
    return as_script(sb)->closure;
}
