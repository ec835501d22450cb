/*
** wire: framing (WireReader, WireWriter), the fd Transport, and the payload codecs of the job
** protocol.  The writer's queue is a memory buffer [head, len) followed, once it holds more
** than the spill threshold, by an unlinked temporary file [sr, sw): bytes always leave in the
** order they were queued because nothing goes to memory while the file still holds bytes.
** Structured payloads may gain fields at their end; decoders ignore bytes they do not know.
*/
#include "jobs/wire.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include "jobs/serialize.h"
#include "runtime/array.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"

#define READ_CHUNK  (64 * 1024) /* bytes asked of read() at once */
#define READ_ROUNDS 16          /* read() calls per wire_reader_fill */
#define FLUSH_AT    (64 * 1024) /* transport_send writes once this much is queued */

#define X_WIRENAME(id, name) name,
static const char *const type_names[] = {"?", WIRE_MSG_TYPES(X_WIRENAME)};
#undef X_WIRENAME

const char *wire_type_name(WireType t)
{
    return t > MSG__NONE && t < MSG__COUNT ? type_names[t] : "?";
}

/* A byte queue [head, len) in buf; shared by the reader and the writer's memory part. */
typedef struct ByteQ {
    uint8_t *buf;
    size_t head, len, cap;
} ByteQ;

/* Room for n more bytes at buf + len, moving live bytes to the front first when that helps. */
static uint8_t *q_room(ByteQ *q, size_t n)
{
    if (q->head == q->len) q->head = q->len = 0;
    if (q->cap - q->len < n && q->head > 0) {
        memmove(q->buf, q->buf + q->head, q->len - q->head);
        q->len -= q->head;
        q->head = 0;
    }
    if (q->cap - q->len < n) {
        size_t cap = q->cap ? q->cap : 4096;
        while (cap - q->len < n)
            cap *= 2;
        q->buf = xrealloc(q->buf, cap);
        q->cap = cap;
    }
    return q->buf + q->len;
}

static void q_append(ByteQ *q, const void *p, size_t n)
{
    if (n == 0) return;
    memcpy(q_room(q, n), p, n);
    q->len += n;
}

static size_t q_used(const ByteQ *q)
{
    return q->len - q->head;
}

/* The 5-byte frame header: payload length (little-endian u32) then the type byte. */
static void header_at(uint8_t *h, WireType type, size_t len)
{
    for (int i = 0; i < 4; i++)
        h[i] = (uint8_t)(len >> (8 * i));
    h[4] = (uint8_t)type;
}

/* ======================== reader ======================== */

struct WireReader {
    ByteQ q;         /* received bytes not yet returned as messages */
    const char *err; /* sticky corruption message */
};

WireReader *wire_reader_new(void)
{
    return xcalloc(1, sizeof(WireReader));
}

void wire_reader_free(WireReader *r)
{
    if (!r) return;
    free(r->q.buf);
    free(r);
}

void wire_reader_feed(WireReader *r, const void *data, size_t len)
{
    q_append(&r->q, data, len);
}

int wire_reader_fill(WireReader *r, int fd)
{
    for (int round = 0; round < READ_ROUNDS; round++) {
        uint8_t *p = q_room(&r->q, READ_CHUNK);
        ssize_t n = read(fd, p, r->q.cap - r->q.len);
        if (n > 0) {
            r->q.len += (size_t)n;
        } else if (n == 0) {
            return 0;
        } else if (errno == EINTR) {
            continue;
        } else {
            return errno == EAGAIN || errno == EWOULDBLOCK ? 1 : -1;
        }
    }
    return 1;
}

/* The header is validated as soon as it is complete, before the payload arrives, so a
 * corrupt length is reported at once instead of waiting for 4 GB that never come. */
int wire_reader_next(WireReader *r, WireMsg *m)
{
    if (r->err) return -1;
    size_t avail = q_used(&r->q);
    if (avail < WIRE_HEADER) return 0;
    const uint8_t *h = r->q.buf + r->q.head;
    uint32_t len =
        (uint32_t)h[0] | (uint32_t)h[1] << 8 | (uint32_t)h[2] << 16 | (uint32_t)h[3] << 24;
    if (len > WIRE_MAX_FRAME)
        r->err = "oversized frame";
    else if (h[4] == MSG__NONE || h[4] >= MSG__COUNT)
        r->err = "unknown message type";
    if (r->err) return -1;
    if (avail - WIRE_HEADER < len) return 0;
    m->type = (WireType)h[4];
    m->payload = h + WIRE_HEADER;
    m->len = len;
    r->q.head += WIRE_HEADER + len;
    return 1;
}

size_t wire_reader_buffered(const WireReader *r)
{
    return q_used(&r->q);
}

const char *wire_reader_error(const WireReader *r)
{
    return r->err;
}

/* ======================== writer ======================== */

struct WireWriter {
    ByteQ q;      /* the oldest queued bytes, written first */
    size_t spill; /* memory allowed in q before frames take the spill path */
    int sfd;      /* spill file (unlinked), -1 until first needed */
    off_t sr, sw; /* spill file: next byte to read back, end of written bytes */
    ByteQ tail;   /* the newest spilled bytes, batched before they are written to the file */
};

WireWriter *wire_writer_new(size_t spill)
{
    WireWriter *w = xcalloc(1, sizeof(WireWriter));
    w->spill = spill ? spill : WIRE_SPILL_DEFAULT;
    w->sfd = -1;
    return w;
}

void wire_writer_free(WireWriter *w)
{
    if (!w) return;
    if (w->sfd >= 0) close(w->sfd);
    free(w->q.buf);
    free(w->tail.buf);
    free(w);
}

/* The spill file is unlinked at once: it disappears with the process, whatever happens, and
 * FD_CLOEXEC keeps it out of the jobs we spawn. */
static int open_spill(WireWriter *w)
{
    if (w->sfd >= 0) return 0;
    const char *dir = getenv("TMPDIR");
    StrBuf path = {0};
    sb_printf(&path, "%s/psmini-spill-XXXXXX", dir && *dir ? dir : "/tmp");
    w->sfd = mkstemp(path.buf);
    if (w->sfd >= 0) {
        unlink(path.buf);
        fcntl(w->sfd, F_SETFD, FD_CLOEXEC);
    }
    sb_free(&path);
    return w->sfd >= 0 ? 0 : -1;
}

/* Move the tail batch to the end of the file.  On failure (no disk) the batch simply stays
 * in memory, still after the file's bytes, so order holds and nothing is lost. */
static void tail_out(WireWriter *w)
{
    if (q_used(&w->tail) == 0 || open_spill(w)) return;
    while (q_used(&w->tail) > 0) {
        ssize_t k = pwrite(w->sfd, w->tail.buf + w->tail.head, q_used(&w->tail), w->sw);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return;
        w->tail.head += (size_t)k;
        w->sw += k;
    }
}

/* Spilled frames are written in batches (one pwrite per 64 KB, not two per frame): a job
 * writing a million small objects to a stalled reader must stay fast. */
static size_t tail_batch(const WireWriter *w)
{
    return w->spill < READ_CHUNK ? w->spill : READ_CHUNK;
}

/* Refill the empty memory queue with the oldest spilled bytes: from the file, else the tail. */
static int unspill(WireWriter *w)
{
    if (w->sw == w->sr) {
        ByteQ t = w->q; /* swap the (empty) queue and the tail */
        w->q = w->tail;
        w->tail = t;
        w->tail.head = w->tail.len = 0;
        return 0;
    }
    size_t n = (size_t)(w->sw - w->sr);
    size_t max = w->spill < READ_CHUNK ? READ_CHUNK : w->spill;
    if (n > max) n = max;
    uint8_t *p = q_room(&w->q, n);
    size_t got = 0;
    while (got < n) {
        ssize_t k = pread(w->sfd, p + got, n - got, w->sr + (off_t)got);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return -1;
        got += (size_t)k;
    }
    w->q.len += n;
    w->sr += (off_t)n;
    if (w->sr == w->sw && ftruncate(w->sfd, 0) == 0) w->sr = w->sw = 0;
    return 0;
}

/* Bytes on the spill path (file plus tail batch): while any exist, new frames must follow
 * them, so they go to the tail too. */
static size_t spilled(const WireWriter *w)
{
    return (size_t)(w->sw - w->sr) + q_used(&w->tail);
}

void wire_writer_put(WireWriter *w, WireType type, const void *payload, size_t len)
{
    uint8_t h[WIRE_HEADER];
    header_at(h, type, len);
    ByteQ *q = &w->q;
    if (spilled(w) > 0 || q_used(q) + WIRE_HEADER + len > w->spill) q = &w->tail;
    q_append(q, h, WIRE_HEADER);
    q_append(q, payload, len);
    if (q == &w->tail && q_used(q) >= tail_batch(w)) tail_out(w);
}

/* Writes memory first, then pulls the oldest spilled bytes back, until the fd is full. */
int wire_writer_flush(WireWriter *w, int fd)
{
    for (;;) {
        if (q_used(&w->q) > 0) {
            ssize_t n = write(fd, w->q.buf + w->q.head, q_used(&w->q));
            if (n > 0) {
                w->q.head += (size_t)n;
                continue;
            }
            if (n < 0 && errno == EINTR) continue;
            return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) ? 0 : -1;
        }
        if (spilled(w) == 0) return 0;
        if (unspill(w)) return -1;
    }
}

size_t wire_writer_pending(const WireWriter *w)
{
    return q_used(&w->q) + spilled(w);
}

size_t wire_writer_spilled(const WireWriter *w)
{
    return (size_t)(w->sw - w->sr);
}

/* ======================== the fd transport ======================== */

typedef struct FdTransport {
    Transport base;
    int rfd, wfd;
    WireReader *r;
    WireWriter *w;
    size_t flush_at; /* send writes once this much is queued (FLUSH_AT past the last try) */
    int eof;         /* the read side reached end of file */
    int wfailed;     /* a write failed: the peer is gone */
    const char *err; /* the first failure, or NULL */
} FdTransport;

static FdTransport *as_fdt(Transport *t)
{
    return (FdTransport *)t;
}

static const FdTransport *as_cfdt(const Transport *t)
{
    return (const FdTransport *)t;
}

static int fdt_fail(FdTransport *f, const char *why)
{
    if (!f->err) f->err = why;
    return -1;
}

static int fdt_flush(Transport *t)
{
    FdTransport *f = as_fdt(t);
    if (f->wfailed) return -1;
    if (wire_writer_flush(f->w, f->wfd) == 0) return 0;
    f->wfailed = 1;
    return fdt_fail(f, errno == EPIPE ? "peer closed the stream" : "write error");
}

static int fdt_send(Transport *t, WireType type, const void *payload, size_t len)
{
    FdTransport *f = as_fdt(t);
    wire_writer_put(f->w, type, payload, len);
    if (wire_writer_pending(f->w) < f->flush_at) return 0;
    int st = fdt_flush(t);
    /* A full pipe is not retried on every send: only once another FLUSH_AT bytes queue up. */
    f->flush_at = wire_writer_pending(f->w) + FLUSH_AT;
    return st;
}

/* After the reader has no whole message: why the stream is over, or 0 to wait. */
static int at_eof(FdTransport *f)
{
    if (!f->eof) return 0;
    return fdt_fail(f, wire_reader_buffered(f->r) ? "truncated frame" : "end of stream");
}

static int fdt_recv(Transport *t, WireMsg *m)
{
    FdTransport *f = as_fdt(t);
    int k = wire_reader_next(f->r, m);
    if (k != 0) return k > 0 ? 1 : fdt_fail(f, wire_reader_error(f->r));
    if (f->eof) return at_eof(f);
    int st = wire_reader_fill(f->r, f->rfd);
    if (st < 0) return fdt_fail(f, "read error");
    if (st == 0) f->eof = 1;
    k = wire_reader_next(f->r, m);
    if (k != 0) return k > 0 ? 1 : fdt_fail(f, wire_reader_error(f->r));
    return at_eof(f);
}

static void fdt_fds(const Transport *t, int *rfd, int *wfd)
{
    *rfd = as_cfdt(t)->rfd;
    *wfd = as_cfdt(t)->wfd;
}

static size_t fdt_pending(const Transport *t)
{
    return wire_writer_pending(as_cfdt(t)->w);
}

static const char *fdt_error(const Transport *t)
{
    return as_cfdt(t)->err;
}

static void fdt_close(Transport *t)
{
    FdTransport *f = as_fdt(t);
    close(f->rfd);
    if (f->wfd != f->rfd) close(f->wfd);
    wire_reader_free(f->r);
    wire_writer_free(f->w);
    free(f);
}

static const TransportOps fd_ops = {
    .send = fdt_send,
    .recv = fdt_recv,
    .flush = fdt_flush,
    .fds = fdt_fds,
    .pending = fdt_pending,
    .error = fdt_error,
    .close = fdt_close,
};

static void set_nonblock(int fd)
{
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0) fcntl(fd, F_SETFL, fl | O_NONBLOCK);
}

Transport *transport_fd_new(int rfd, int wfd, size_t spill)
{
    FdTransport *f = xcalloc(1, sizeof(FdTransport));
    f->base.ops = &fd_ops;
    f->rfd = rfd;
    f->wfd = wfd;
    f->r = wire_reader_new();
    f->w = wire_writer_new(spill);
    f->flush_at = FLUSH_AT;
    set_nonblock(rfd);
    set_nonblock(wfd);
    return &f->base;
}

int transport_send(Transport *t, WireType type, const void *payload, size_t len)
{
    if (len > WIRE_MAX_FRAME) return -2;
    return t->ops->send(t, type, payload, len);
}

int transport_recv(Transport *t, WireMsg *m)
{
    return t->ops->recv(t, m);
}

int transport_flush(Transport *t)
{
    return t->ops->flush(t);
}

void transport_fds(const Transport *t, int *rfd, int *wfd)
{
    t->ops->fds(t, rfd, wfd);
}

size_t transport_pending(const Transport *t)
{
    return t->ops->pending(t);
}

const char *transport_error(const Transport *t)
{
    return t->ops->error(t);
}

void transport_close(Transport *t)
{
    if (t) t->ops->close(t);
}

int transport_wait(Transport *t, int timeout_ms)
{
    for (;;) {
        struct pollfd p[2];
        int n = 1;
        transport_fds(t, &p[0].fd, &p[1].fd);
        p[0].events = POLLIN;
        p[1].events = POLLOUT;
        if (transport_pending(t) > 0) n = 2;
        int k = poll(p, (nfds_t)n, timeout_ms);
        if (k < 0 && errno == EINTR) continue;
        if (k < 0) return -1;
        if (k == 0) return 0;
        if (n == 2 && p[1].revents && transport_flush(t)) return -1;
        if (p[0].revents) return 1;
    }
}

int transport_drain(Transport *t)
{
    while (transport_pending(t) > 0) {
        if (transport_flush(t)) return -1;
        if (transport_pending(t) == 0) break;
        struct pollfd p;
        int rfd;
        transport_fds(t, &rfd, &p.fd);
        p.events = POLLOUT;
        if (poll(&p, 1, -1) < 0 && errno != EINTR) return -1;
    }
    return 0;
}

/* ======================== payloads ======================== */

static void put_cstr(StrBuf *out, const char *s)
{
    ser_put_str(out, s ? s : "", s ? strlen(s) : 0);
}

/* The fields in wire order: one table so encoder, decoder and free cannot disagree. */
static char **error_field(WireError *e, int i)
{
    char **f[] = {&e->message,     &e->id,        &e->category, &e->target,
                  &e->target_type, &e->exception, &e->position, &e->command};
    return f[i];
}

#define ERROR_NFIELDS 8

void wire_put_error(StrBuf *out, const WireError *e)
{
    for (int i = 0; i < ERROR_NFIELDS; i++)
        put_cstr(out, *error_field((WireError *)e, i));
}

static int read_error(SerReader *r, WireError *e)
{
    memset(e, 0, sizeof *e);
    for (int i = 0; i < ERROR_NFIELDS; i++) {
        if (ser_get_cstr(r, error_field(e, i)) == 0) continue;
        wire_error_free(e);
        return -1;
    }
    return 0;
}

int wire_get_error(const WireMsg *m, WireError *e)
{
    SerReader r;
    ser_reader_init(&r, m->payload, m->len);
    return read_error(&r, e);
}

void wire_error_free(WireError *e)
{
    for (int i = 0; i < ERROR_NFIELDS; i++) {
        free(*error_field(e, i));
        *error_field(e, i) = NULL;
    }
}

/* ---- start ---- */

/* Arguments and input objects are serialized one by one at remoting depth, as pwsh sends
 * each one: an array argument is not one level deeper than a scalar one. */
static void put_list(StrBuf *out, Value a)
{
    size_t n = val_is_array(a) ? arr_len(a) : 0;
    ser_put_uv(out, n);
    for (size_t i = 0; i < n; i++)
        ser_put_value(out, arr_peek(a, i), SER_DEPTH_REMOTING);
}

static void put_usings(StrBuf *out, Value h)
{
    size_t n = ht_is(h) ? ht_count(h) : 0;
    ser_put_uv(out, n);
    for (size_t i = 0; i < n; i++) {
        Value k, v;
        ht_entry_peek(h, i, &k, &v);
        ser_put_value(out, k, 0);
        ser_put_value(out, v, SER_DEPTH_REMOTING);
    }
}

void wire_put_start(StrBuf *out, const WireStart *s)
{
    put_cstr(out, s->name);
    put_cstr(out, s->script);
    put_cstr(out, s->workdir);
    put_cstr(out, s->init);
    put_list(out, s->args);
    put_usings(out, s->usings);
    put_list(out, s->input);
    ser_put_uv(out, s->more_input ? 1 : 0);
}

static int get_list(SerReader *r, Value *out)
{
    uint64_t n;
    if (ser_get_count(r, &n)) return -1;
    *out = arr_new(TY_OBJECT, n < 1024 ? (size_t)n : 1024);
    for (uint64_t i = 0; i < n; i++) {
        Value v;
        if (ser_get_value(r, &v)) return -1;
        arr_push_take(*out, v);
    }
    return 0;
}

static int get_usings(SerReader *r, Value *out)
{
    uint64_t n;
    if (ser_get_count(r, &n)) return -1;
    *out = ht_new(1);
    for (uint64_t i = 0; i < n && !r->err; i++) {
        Value k, v;
        if (ser_get_value(r, &k)) return -1;
        if (ser_get_value(r, &v) == 0) {
            if (val_is_null(k))
                r->err = "null using name";
            else
                ht_set(*out, k, v);
            val_unref(v);
        }
        val_unref(k);
    }
    return r->err ? -1 : 0;
}

int wire_get_start(const WireMsg *m, WireStart *s)
{
    SerReader r;
    uint64_t more = 0;
    memset(s, 0, sizeof *s);
    ser_reader_init(&r, m->payload, m->len);
    int ok = ser_get_cstr(&r, &s->name) == 0 && ser_get_cstr(&r, &s->script) == 0 &&
             ser_get_cstr(&r, &s->workdir) == 0 && ser_get_cstr(&r, &s->init) == 0 &&
             get_list(&r, &s->args) == 0 && get_usings(&r, &s->usings) == 0 &&
             get_list(&r, &s->input) == 0 && ser_get_uv(&r, &more) == 0;
    s->more_input = more != 0;
    if (ok) return 0;
    wire_start_free(s);
    return -1;
}

void wire_start_free(WireStart *s)
{
    free(s->name);
    free(s->script);
    free(s->workdir);
    free(s->init);
    val_unref(s->args);
    val_unref(s->usings);
    val_unref(s->input);
    memset(s, 0, sizeof *s);
}

/* ---- information, progress, state, text, values ---- */

void wire_put_info(StrBuf *out, const WireInfo *i)
{
    ser_put_uv(out, i->flags);
    ser_put_sv(out, i->fg);
    ser_put_sv(out, i->bg);
    ser_put_value(out, i->data, SER_DEPTH_REMOTING);
}

/* A ConsoleColor, or -1 for anything out of range (a corrupt value means "not given"). */
static int color(int64_t c)
{
    return c >= 0 && c <= 15 ? (int)c : -1;
}

int wire_get_info(const WireMsg *m, WireInfo *i)
{
    SerReader r;
    uint64_t flags;
    int64_t fg, bg;
    ser_reader_init(&r, m->payload, m->len);
    if (ser_get_uv(&r, &flags) || ser_get_sv(&r, &fg) || ser_get_sv(&r, &bg)) return -1;
    if (ser_get_value(&r, &i->data)) return -1;
    i->flags = (unsigned)(flags & (WIRE_INFO_HOST | WIRE_INFO_NONEWLINE));
    i->fg = color(fg);
    i->bg = color(bg);
    return 0;
}

void wire_put_progress(StrBuf *out, const WireProgress *p)
{
    ser_put_sv(out, p->activity_id);
    ser_put_sv(out, p->parent_id);
    ser_put_sv(out, p->percent);
    ser_put_sv(out, p->seconds_remaining);
    ser_put_uv(out, p->completed ? 1 : 0);
    put_cstr(out, p->activity);
    put_cstr(out, p->status);
    put_cstr(out, p->operation);
}

int wire_get_progress(const WireMsg *m, WireProgress *p)
{
    SerReader r;
    uint64_t done = 0;
    memset(p, 0, sizeof *p);
    ser_reader_init(&r, m->payload, m->len);
    int ok = ser_get_sv(&r, &p->activity_id) == 0 && ser_get_sv(&r, &p->parent_id) == 0 &&
             ser_get_sv(&r, &p->percent) == 0 && ser_get_sv(&r, &p->seconds_remaining) == 0 &&
             ser_get_uv(&r, &done) == 0 && ser_get_cstr(&r, &p->activity) == 0 &&
             ser_get_cstr(&r, &p->status) == 0 && ser_get_cstr(&r, &p->operation) == 0;
    p->completed = done != 0;
    if (ok) return 0;
    wire_progress_free(p);
    return -1;
}

void wire_progress_free(WireProgress *p)
{
    free(p->activity);
    free(p->status);
    free(p->operation);
    p->activity = p->status = p->operation = NULL;
}

void wire_put_state(StrBuf *out, WireJobState st, const WireError *reason)
{
    int has = st == WST_FAILED && reason;
    ser_put_uv(out, (uint64_t)st);
    ser_put_uv(out, has ? 1 : 0);
    if (has) wire_put_error(out, reason);
}

int wire_get_state(const WireMsg *m, WireJobState *st, WireError *reason, int *has_reason)
{
    SerReader r;
    uint64_t s, has;
    *has_reason = 0;
    ser_reader_init(&r, m->payload, m->len);
    if (ser_get_uv(&r, &s) || ser_get_uv(&r, &has)) return -1;
    if (s < WST_RUNNING || s > WST_BLOCKED || has > 1) return -1;
    if (has && read_error(&r, reason)) return -1;
    *st = (WireJobState)s;
    *has_reason = (int)has;
    return 0;
}

void wire_put_text(StrBuf *out, const char *s)
{
    put_cstr(out, s);
}

int wire_get_text(const WireMsg *m, char **s)
{
    SerReader r;
    ser_reader_init(&r, m->payload, m->len);
    return ser_get_cstr(&r, s);
}

int wire_get_value(const WireMsg *m, Value *v, const char **err)
{
    return ser_decode(m->payload, m->len, v, err);
}

int transport_send_value(Transport *t, WireType type, Value v, int depth)
{
    StrBuf sb = {0};
    ser_put_value(&sb, v, depth);
    int st = transport_send(t, type, sb.buf, sb.len);
    sb_free(&sb);
    return st;
}
