/*
** pipeline: emitting into pipes, the null pipe and the collector.
*/
#include "runtime/pipeline.h"

#include "runtime/array.h"

Status pipe_put(Interp *I, Pipe *p, Value v)
{
    return p->put(I, p, v);
}

Status pipe_emit(Interp *I, Pipe *p, Value v)
{
    if (v.kind == VAL_AUTONULL) return ST_OK;
    if (!val_is_array(v)) return p->put(I, p, v);
    for (size_t i = 0; i < arr_len(v); i++) {
        Status st = p->put(I, p, arr_peek(v, i));
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
    if (c->items.kind == VAL_NULL) c->items = arr_new(TY_OBJECT, 4);
    arr_push(c->items, v);
    return ST_OK;
}

void collector_init(Collector *c)
{
    c->pipe.put = collect_put;
    c->items = val_null();
}

Value collector_take(Collector *c)
{
    Value a = c->items;
    c->items = val_null();
    if (a.kind == VAL_NULL) return val_autonull();
    if (arr_len(a) != 1) return a;
    Value one = arr_get(a, 0);
    val_unref(a);
    return one;
}

Value collector_take_array(Collector *c)
{
    Value a = c->items;
    c->items = val_null();
    return a.kind == VAL_NULL ? arr_new(TY_OBJECT, 0) : a;
}

void collector_free(Collector *c)
{
    val_unref(c->items);
    c->items = val_null();
}
