/*
** pipeline: emitting into pipes (with the stop checks described in pipeline.h), the null pipe
** and the collector.
*/
#include "runtime/pipeline.h"

#include <stdatomic.h>

#include "runtime/array.h"
#include "runtime/eval.h"
#include "runtime/mem.h"

/* ---- stopping ---- */

/* The cheap check of every hand-off: one relaxed atomic load. */
#define STOP_REQUESTED(I) atomic_load_explicit(&(I)->stop_req, memory_order_relaxed)

Status pipe_stop_upstream(Interp *I)
{
    I->stop_claim = 1;
    I->stop_owner = NULL;
    return ST_STOP;
}

/* A put into p came back with st: an upstream stop asked for by p's command names p. */
static Status claim(Interp *I, Pipe *p, Status st)
{
    if (st == ST_STOP && I->stop_claim && !I->stop_owner) I->stop_owner = p;
    return st;
}

int pipe_stop_resumes(Interp *I, Status *st, Pipe *in)
{
    if (*st == ST_OK) return 1;
    if (*st != ST_STOP || !I->stop_claim || I->stop_owner != in) return 0;
    I->stop_claim = 0;
    I->stop_owner = NULL;
    *st = STOP_REQUESTED(I) ? ST_STOP : ST_OK; /* a Ctrl+C meanwhile still stops everything */
    return *st == ST_OK;
}

static Status put_checked(Interp *I, Pipe *p, Value v)
{
    if (STOP_REQUESTED(I)) return ST_STOP;
    return claim(I, p, p->put(I, p, v));
}

Status pipe_put(Interp *I, Pipe *p, Value v)
{
    return put_checked(I, p, v);
}

/* ---- $input: an enumerator over pipeline input that is consumed by enumerating it ---- */

typedef struct InputEnum {
    Obj obj;
    Value items; /* object[] */
    long pos;    /* index of Current; -1 before the first */
} InputEnum;

static void input_free(Obj *o)
{
    val_unref(((InputEnum *)o)->items);
}

static Value input_current(InputEnum *e)
{
    long n = (long)arr_len(e->items);
    return e->pos >= 0 && e->pos < n ? arr_get(e->items, (size_t)e->pos) : val_null();
}

static int input_get(Value self, const char *name, size_t len, Value *out)
{
    if (!str_ieq_slice(name, len, "Current")) return 0;
    *out = input_current((InputEnum *)self.as.o);
    return 1;
}

const ObjClass cls_inputenum = {.name = "ArrayListEnumeratorSimple",
                                .full_name =
                                    "System.Collections.ArrayList+ArrayListEnumeratorSimple",
                                .type = TY_OTHER,
                                .free = input_free,
                                .get_prop = input_get};

Value pipe_input_new(Value items)
{
    InputEnum *e = (InputEnum *)obj_alloc(&cls_inputenum, sizeof(InputEnum));
    e->items = val_ref(items);
    e->pos = -1;
    return val_obj_take(&e->obj);
}

int pipe_input_take(Value v, Value *rest)
{
    if (!val_is(v, &cls_inputenum)) return 0;
    InputEnum *e = (InputEnum *)v.as.o;
    size_t n = arr_len(e->items), from = (size_t)(e->pos + 1); /* after Current */
    *rest = arr_new(TY_OBJECT, n > from ? n - from : 0);
    for (size_t i = from; i < n; i++)
        arr_push(*rest, arr_peek(e->items, i));
    e->pos = (long)n;
    return 1;
}

int pipe_input_method(Value v, const char *name, size_t len, Value *out)
{
    if (!val_is(v, &cls_inputenum)) return 0;
    InputEnum *e = (InputEnum *)v.as.o;
    long n = (long)arr_len(e->items);
    if (str_ieq_slice(name, len, "MoveNext")) {
        if (e->pos < n) e->pos++;
        *out = val_bool(e->pos < n);
        return 1;
    }
    if (str_ieq_slice(name, len, "Reset")) {
        e->pos = -1;
        *out = val_autonull();
        return 1;
    }
    return 0;
}

Status pipe_emit(Interp *I, Pipe *p, Value v)
{
    if (v.kind == VAL_AUTONULL) return ST_OK;
    Value rest;
    if (pipe_input_take(v, &rest)) {
        Status st = pipe_emit(I, p, rest);
        val_unref(rest);
        return st;
    }
    if (!val_is_array(v)) return put_checked(I, p, v);
    for (size_t i = 0; i < arr_len(v); i++) {
        Status st = put_checked(I, p, arr_peek(v, i));
        if (st) return st;
    }
    return ST_OK;
}

static Status null_put(Interp *I, Pipe *self, Value v)
{
    return ST_OK;
}

static Pipe null_pipe = {null_put};

Pipe *pipe_null(void)
{
    return &null_pipe;
}

static Status collect_put(Interp *I, Pipe *self, Value v)
{
    Collector *c = (Collector *)self;
    if (c->n++ == 0) {
        c->items = val_ref(v);
        return ST_OK;
    }
    if (c->n == 2) {
        Value a = arr_new(TY_OBJECT, 4);
        arr_push(a, c->items);
        val_unref(c->items);
        c->items = a;
    }
    arr_push(c->items, v);
    return ST_OK;
}

void collector_init(Collector *c)
{
    c->pipe.put = collect_put;
    c->items = val_null();
    c->n = 0;
}

Value collector_take(Collector *c)
{
    Value a = c->items;
    size_t n = c->n;
    c->items = val_null();
    c->n = 0;
    return n ? a : val_autonull();
}

Value collector_take_array(Collector *c)
{
    Value a = c->items;
    size_t n = c->n;
    c->items = val_null();
    c->n = 0;
    if (n == 1) {
        Value one = arr_from(&a, 1);
        val_unref(a);
        return one;
    }
    return n ? a : arr_new(TY_OBJECT, 0);
}

void collector_free(Collector *c)
{
    val_unref(c->items);
    c->items = val_null();
    c->n = 0;
}
