/*
** pipeline: push-based object streams.  A Pipe is anything that accepts one object at a time
** (a command stage, a collector, the host sink); pipe_emit unrolls one level of enumerables as
** output does (language.md 5.1), pipe_put passes an object as is.  Nothing is buffered between
** stages, so a long pipeline runs in constant memory.  Pipe is visible so stages can embed it.
*/
#ifndef PSM_RUNTIME_PIPELINE_H
#define PSM_RUNTIME_PIPELINE_H

#include "runtime/interp.h"
#include "runtime/value.h"

typedef struct Pipe Pipe;
struct Pipe {
    Status (*put)(Interp *I, Pipe *self, Value v); /* one object, borrowed */
};

/* Write v to p as statement output: arrays are unrolled one level, AutomationNull sends
 * nothing, everything else is one object. */
Status pipe_emit(Interp *I, Pipe *p, Value v);
/* Pass v to p as one object (no unrolling).  Same as p->put. */
Status pipe_put(Interp *I, Pipe *p, Value v);
/* $input: an enumerator over items (object[], referenced) that enumerating consumes:
 * pipe_emit, interpolation and foreach take what is left (later uses see nothing) until
 * Reset().  Current, MoveNext() and Reset() as in .NET. */
extern const ObjClass cls_inputenum;
Value pipe_input_new(Value items);
/* If v is such an enumerator: *rest = the items not yet enumerated (new object[]), and v is
 * consumed; returns 1.  Otherwise 0. */
int pipe_input_take(Value v, Value *rest);
/* MoveNext()/Reset() on an $input enumerator: 1 and *out when v is one and name matches. */
int pipe_input_method(Value v, const char *name, size_t len, Value *out);

/*
** Stopping a pipeline.  pipe_emit and pipe_put return ST_STOP without passing anything on once
** the runspace has a stop request (Ctrl+C, Stop-Job).  A command that needs no more input
** (Select-Object -First N after N objects) returns pipe_stop_upstream(I) from its process step:
** the commands upstream of it unwind (their finally blocks run, their end blocks do not), and
** the pipeline runner resumes with the end blocks of that command and the ones after it
** (pwsh's StopUpstreamCommandsException).  The first pipe_put/pipe_emit the ST_STOP returns
** through is the requester's input pipe: it is recorded then.  The runner asks
** pipe_stop_resumes(I, &st, stage_input) for each stage, in order, before its end block.
*/
Status pipe_stop_upstream(Interp *I);
/* 1 when the stage whose input pipe is in should run its end block: st is ST_OK, or st is an
 * upstream stop that this stage asked for (then *st becomes ST_OK and the request is done). */
int pipe_stop_resumes(Interp *I, Status *st, Pipe *in);

/* A pipe that drops everything (Out-Null, $null = ...). */
Pipe *pipe_null(void);

/* Collects objects for assignment and $( ) (language.md 5.2). */
typedef struct Collector {
    Pipe pipe;
    Value items; /* n == 1: the one object; n > 1: object[]; else $null */
    size_t n;    /* objects so far (most collections hold one: no array until a second) */
} Collector;
void collector_init(Collector *c);
/* 0 objects -> AutomationNull, 1 -> the object, more -> object[]; resets c. */
Value collector_take(Collector *c);
/* Always an object[] (@( )); resets c. */
Value collector_take_array(Collector *c);
void collector_free(Collector *c);

#endif
