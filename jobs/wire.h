/*
** wire: the job protocol's messages and their framing over a byte stream (a pipe or socket
** today, ssh's stdin/stdout later).  A frame is a 4-byte little-endian payload length, one
** type byte (WireType) and the payload (serialize.h encoding).  Neither side ever blocks:
** WireReader accumulates partial frames from a nonblocking fd (feed bytes in, take whole
** messages out), and WireWriter queues frames in memory, spilling past a threshold to an
** unlinked temporary file that is read back in order, so output nobody has received is never
** dropped and never held in memory without bound.  Transport puts one reader and one writer
** behind send/recv/fd/close; an SSH transport embeds struct Transport and supplies its ops.
** SIGPIPE: the process must ignore it (the host does); a closed peer is then an error return.
*/
#ifndef PSM_JOBS_WIRE_H
#define PSM_JOBS_WIRE_H

#include <stddef.h>
#include <stdint.h>

#include "runtime/strbuf.h"
#include "runtime/value.h"

/* X(id, name): message types; the numbers (1..) are the wire format, append only. */
#define WIRE_MSG_TYPES(X)                                                                          \
    X(MSG_START, "start")             /* WireStart: the job to run */                              \
    X(MSG_INPUT, "input")             /* one input object (value) */                               \
    X(MSG_INPUT_END, "input-end")     /* no more input (empty) */                                  \
    X(MSG_OUTPUT, "output")           /* one output object (value) */                              \
    X(MSG_ERROR, "error")             /* WireError: a non-terminating error */                     \
    X(MSG_WARNING, "warning")         /* string */                                                 \
    X(MSG_VERBOSE, "verbose")         /* string */                                                 \
    X(MSG_DEBUG, "debug")             /* string */                                                 \
    X(MSG_INFORMATION, "information") /* WireInfo: Write-Information / Write-Host */               \
    X(MSG_PROGRESS, "progress")       /* WireProgress */                                           \
    X(MSG_STATE, "state")             /* wire_put_state: Running/Completed/Failed... */            \
    X(MSG_STOP, "stop")               /* stop request (empty) */                                   \
    X(MSG_HOST_REPLY, "host-reply")   /* answer to a blocked read: text, or empty to fail it */

#define X_WIREENUM(id, name) id,
typedef enum WireType { MSG__NONE, WIRE_MSG_TYPES(X_WIREENUM) MSG__COUNT } WireType;
#undef X_WIREENUM

const char *wire_type_name(WireType t); /* "output"; "?" when out of range */

#define WIRE_HEADER        5                 /* length (4) + type (1) */
#define WIRE_MAX_FRAME     (256u << 20)      /* larger frames are corrupt */
#define WIRE_SPILL_DEFAULT ((size_t)8 << 20) /* writer memory before spilling */

/* One received message: payload borrowed from the reader, valid until its next call. */
typedef struct WireMsg {
    WireType type;
    const uint8_t *payload;
    size_t len;
} WireMsg;

/* ---- reader: bytes in, whole messages out ---- */
typedef struct WireReader WireReader;
WireReader *wire_reader_new(void);
void wire_reader_free(WireReader *r);
void wire_reader_feed(WireReader *r, const void *data, size_t len);
/* Read what a nonblocking fd has (bounded per call, so a busy peer cannot starve the loop).
 * Returns 1 when open (data read or would block), 0 at end of file, -1 on a read error. */
int wire_reader_fill(WireReader *r, int fd);
/* 1: a whole message in *m; 0: need more bytes; -1: corrupt stream (oversized frame or
 * unknown type; sticky, see wire_reader_error). */
int wire_reader_next(WireReader *r, WireMsg *m);
size_t wire_reader_buffered(const WireReader *r);   /* bytes of incomplete frames */
const char *wire_reader_error(const WireReader *r); /* NULL when fine */

/* ---- writer: frames queued, written when the fd accepts them ---- */
typedef struct WireWriter WireWriter;
/* spill: bytes held in memory before later frames go to a temporary file (0: default). */
WireWriter *wire_writer_new(size_t spill);
void wire_writer_free(WireWriter *w);
/* Queue one frame; len <= WIRE_MAX_FRAME (the caller checks).  Cannot fail: if the spill
 * file cannot be written the bytes stay in memory, so nothing is lost. */
void wire_writer_put(WireWriter *w, WireType type, const void *payload, size_t len);
/* Write as much as the nonblocking fd takes.  0 when fine (bytes may remain), -1 on a write
 * error such as EPIPE (errno set). */
int wire_writer_flush(WireWriter *w, int fd);
size_t wire_writer_pending(const WireWriter *w); /* queued bytes, memory plus spill file */
/* Queued bytes in the spill file now (the newest spilled bytes are batched in memory, at most
 * min(spill, 64 KB) plus one frame, before they are written there). */
size_t wire_writer_spilled(const WireWriter *w);

/* ---- transport ---- */
typedef struct Transport Transport;
typedef struct TransportOps {
    int (*send)(Transport *t, WireType type, const void *payload, size_t len);
    int (*recv)(Transport *t, WireMsg *m);
    int (*flush)(Transport *t);
    void (*fds)(const Transport *t, int *rfd, int *wfd);
    size_t (*pending)(const Transport *t);
    const char *(*error)(const Transport *t);
    void (*close)(Transport *t);
} TransportOps;
/* Visible only so other transports (SSH) can embed it first and supply ops. */
struct Transport {
    const TransportOps *ops;
};

/* A transport over two fds (the same fd twice for a socket); both are made nonblocking and
 * owned: closed by transport_close.  spill as for wire_writer_new. */
Transport *transport_fd_new(int rfd, int wfd, size_t spill);
/* Queue a message; flushes opportunistically once 64 KB are queued.  Never blocks.  -1 when
 * the peer is gone; -2 when len > WIRE_MAX_FRAME (nothing sent, the transport still works). */
int transport_send(Transport *t, WireType type, const void *payload, size_t len);
/* 1 and a message (payload valid until the next recv), 0 when none is complete yet, -1 at end
 * of stream or on error (transport_error tells which). */
int transport_recv(Transport *t, WireMsg *m);
int transport_flush(Transport *t); /* write what the fd takes now; -1 when the peer is gone */
/* The fds to poll: rfd for POLLIN; wfd for POLLOUT while transport_pending() > 0. */
void transport_fds(const Transport *t, int *rfd, int *wfd);
size_t transport_pending(const Transport *t);
const char *transport_error(const Transport *t); /* "end of stream", "truncated frame"... */
void transport_close(Transport *t);              /* frees t; unsent bytes are discarded */
/* Poll helper for simple loops: wait up to timeout_ms (-1: forever) until the transport is
 * readable, flushing queued bytes whenever the fd accepts them.  Returns 1 when readable,
 * 0 on timeout, -1 on error. */
int transport_wait(Transport *t, int timeout_ms);
/* Block until everything queued is written (the end of a job).  0, or -1 on error. */
int transport_drain(Transport *t);

/* ---- payloads ---- */
/* An error record as plain fields (mapped to and from ErrorRecord by the job layer).  Every
 * string is owned (xmalloc) and never NULL after decoding. */
typedef struct WireError {
    char *message;     /* Exception.Message */
    char *id;          /* FullyQualifiedErrorId */
    char *category;    /* ErrorCategory name, e.g. "ObjectNotFound" */
    char *target;      /* TargetObject as text ("" when none) */
    char *target_type; /* its type name: CategoryInfo's "(x:String)" */
    char *exception;   /* exception type full name, "System.Exception" */
    char *position;    /* script position text (InvocationInfo.PositionMessage) */
    char *command;     /* command name ("" when none) */
} WireError;
void wire_put_error(StrBuf *out, const WireError *e); /* NULL fields are sent as "" */
int wire_get_error(const WireMsg *m, WireError *e);   /* 0, or -1 (e left empty) */
void wire_error_free(WireError *e);

/* MSG_START. */
typedef struct WireStart {
    char *name;     /* job name */
    char *script;   /* script block text */
    char *workdir;  /* working directory ("" : inherit) */
    char *init;     /* -InitializationScript text ("" : none) */
    Value args;     /* object[] of -ArgumentList values */
    Value usings;   /* OrderedDictionary: "$using:" name -> value */
    Value input;    /* object[] of -InputObject values */
    int more_input; /* 1: MSG_INPUT frames follow, ended by MSG_INPUT_END */
} WireStart;
/* args/usings/input may be $null (sent as empty); values go at SER_DEPTH_REMOTING. */
void wire_put_start(StrBuf *out, const WireStart *s);
int wire_get_start(const WireMsg *m, WireStart *s); /* owned fields; 0 or -1 */
void wire_start_free(WireStart *s);

/* MSG_INFORMATION: Write-Information data, or Write-Host text when WIRE_INFO_HOST is set. */
enum { WIRE_INFO_HOST = 1, WIRE_INFO_NONEWLINE = 2 };
typedef struct WireInfo {
    unsigned flags; /* WIRE_INFO_* */
    int fg, bg;     /* ConsoleColor 0..15, or -1 when not given */
    Value data;     /* MessageData (the text for Write-Host) */
} WireInfo;
void wire_put_info(StrBuf *out, const WireInfo *i);
int wire_get_info(const WireMsg *m, WireInfo *i); /* i->data is a new reference */

/* MSG_PROGRESS: a ProgressRecord. */
typedef struct WireProgress {
    int64_t activity_id, parent_id;      /* parent -1: none */
    int64_t percent, seconds_remaining;  /* -1: not given */
    int completed;                       /* RecordType Completed */
    char *activity, *status, *operation; /* owned; "" when none */
} WireProgress;
void wire_put_progress(StrBuf *out, const WireProgress *p);
int wire_get_progress(const WireMsg *m, WireProgress *p);
void wire_progress_free(WireProgress *p);

/* MSG_STATE.  The numbers are pwsh's JobState values (job.h JobState), so mapping is a cast. */
typedef enum WireJobState {
    WST_RUNNING = 1,
    WST_COMPLETED = 2,
    WST_FAILED = 3, /* reason: the terminating error */
    WST_STOPPED = 4,
    WST_BLOCKED = 5
} WireJobState;
/* reason may be NULL; it is carried only with WST_FAILED. */
void wire_put_state(StrBuf *out, WireJobState st, const WireError *reason);
/* *has_reason tells whether reason was filled (then free it with wire_error_free). */
int wire_get_state(const WireMsg *m, WireJobState *st, WireError *reason, int *has_reason);

/* MSG_WARNING/VERBOSE/DEBUG text, and MSG_INPUT/OUTPUT values. */
void wire_put_text(StrBuf *out, const char *s);
int wire_get_text(const WireMsg *m, char **s); /* owned copy */
/* 0 and a new reference, or -1 with *err (static text). */
int wire_get_value(const WireMsg *m, Value *v, const char **err);
/* Encode v at depth and send it as one message of type (MSG_OUTPUT / MSG_INPUT). */
int transport_send_value(Transport *t, WireType type, Value v, int depth);

#endif
