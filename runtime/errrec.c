/*
** errrec: ErrorRecord and Exception objects (see errrec.h).  The exception object is made
** lazily and owned by its record; it copies the message so it can outlive the record.
** $err.CategoryInfo is an ErrorCategoryInfo object made afresh on each access.
*/
#include "runtime/errrec.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/enums.h"
#include "runtime/mem.h"

typedef struct ExcInfo {
    const char *name, *full;
    ExcKind parent;
} ExcInfo;

#define X_EXCINFO(id, n, f, p) {n, f, p},
static const ExcInfo exc_info[EXC__COUNT] = {EXC_KINDS(X_EXCINFO)};
#undef X_EXCINFO

typedef struct ErrRec {
    Obj obj;
    char *msg, *id, *command, *reason;
    char *inner_msg; /* the wrapped exception's message; NULL: the same as msg */
    char *text[ERRTXT__COUNT]; /* see ErrText; NULL when not set */
    ExcKind exc, inner;
    ErrCategory cat;
    Value target;
    Value exception; /* the Exception object, made on first use ($null until then) */
    Program *prog;
    uint32_t start, end;
} ErrRec;

/* ---- the Exception object: .Message, .InnerException, GetType() ---- */

typedef struct ExcObj {
    Obj obj;
    char *msg;
    char *inner_msg; /* NULL: the same as msg */
    ExcKind inner;   /* the wrapped kind, or the object's own kind when none */
} ExcObj;

static void exc_free(Obj *o)
{
    free(((ExcObj *)o)->msg);
    free(((ExcObj *)o)->inner_msg);
}

static void exc_to_string(Value self, StrBuf *out)
{
    sb_puts(out, ((ExcObj *)self.as.o)->msg);
}

static ExcKind exc_kind_of(const ObjClass *cls);

static Value exc_new(ExcKind k, const char *msg, ExcKind inner, const char *inner_msg);

static int exc_get_prop(Value self, const char *name, size_t len, Value *out)
{
    ExcObj *e = (ExcObj *)self.as.o;
    if (str_ieq_slice(name, len, "Message")) {
        *out = val_str(e->msg);
        return 1;
    }
    if (str_ieq_slice(name, len, "InnerException")) {
        ExcKind own = exc_kind_of(e->obj.cls);
        const char *m = e->inner_msg ? e->inner_msg : e->msg;
        *out = e->inner == own ? val_null() : exc_new(e->inner, m, e->inner, NULL);
        return 1;
    }
    return 0;
}

#define X_EXCCLS(id, n, f, p)                                                                      \
    {.name = n,                                                                                    \
     .full_name = f,                                                                               \
     .type = TY_OTHER,                                                                             \
     .free = exc_free,                                                                             \
     .to_string = exc_to_string,                                                                   \
     .get_prop = exc_get_prop},
static const ObjClass exc_cls[EXC__COUNT] = {EXC_KINDS(X_EXCCLS)};
#undef X_EXCCLS

static ExcKind exc_kind_of(const ObjClass *cls)
{
    return (ExcKind)(cls - exc_cls);
}

static Value exc_new(ExcKind k, const char *msg, ExcKind inner, const char *inner_msg)
{
    ExcObj *e = (ExcObj *)obj_alloc(&exc_cls[k], sizeof(ExcObj));
    e->msg = xstrdup(msg);
    e->inner_msg = inner_msg ? xstrdup(inner_msg) : NULL;
    e->inner = inner;
    return val_obj_take(&e->obj);
}

/* ---- the record ---- */

static void rec_free(Obj *o)
{
    ErrRec *r = (ErrRec *)o;
    free(r->msg);
    free(r->id);
    free(r->command);
    free(r->reason);
    free(r->inner_msg);
    for (int i = 0; i < ERRTXT__COUNT; i++)
        free(r->text[i]);
    val_unref(r->target);
    val_unref(r->exception);
    prog_unref(r->prog);
}

static void rec_to_string(Value self, StrBuf *out)
{
    sb_puts(out, ((ErrRec *)self.as.o)->msg);
}

#define X_CATNAME(id, n) n,
static const char *const cat_name[ERRCAT__COUNT] = {ERR_CATEGORIES(X_CATNAME)};
#undef X_CATNAME

int errrec_category_lookup(const char *name, ErrCategory *out)
{
    for (int i = 0; name && i < ERRCAT__COUNT; i++)
        if (str_ieq_slice(name, strlen(name), cat_name[i])) return *out = (ErrCategory)i, 1;
    return 0;
}

const char *errrec_category_name(ErrCategory cat)
{
    return cat_name[cat];
}

static Value rec_exception(ErrRec *r)
{
    const char *m = r->text[ERRTXT_EXCMSG] ? r->text[ERRTXT_EXCMSG] : r->msg;
    if (r->exception.kind == VAL_NULL) r->exception = exc_new(r->exc, m, r->inner, r->inner_msg);
    return val_ref(r->exception);
}

/* ---- $err.CategoryInfo: an ErrorCategoryInfo made on each access from the record ---- */

/* Category, Activity, Reason, TargetName, TargetType, in pwsh's Format-List order. */
static const char *const ci_names[] = {"Category", "Activity", "Reason", "TargetName",
                                       "TargetType"};
#define CI_N 5

typedef struct CatInfo {
    Obj obj;
    Value f[CI_N]; /* owned; Category is an [ErrorCategory] enum value */
} CatInfo;

static void ci_free(Obj *o)
{
    for (int i = 0; i < CI_N; i++)
        val_unref(((CatInfo *)o)->f[i]);
}

/* The byte offset of code point n of s (len when s is shorter). */
static size_t cp_offset(const char *s, size_t len, size_t n)
{
    size_t i = 0;
    for (size_t cp = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80 && cp++ == n) break;
    return i;
}

/* ErrorCategoryInfo.Ellipsize: over 40 characters keep the first and last 15. */
static void ci_put_ellipsized(StrBuf *out, const char *s)
{
    size_t len = strlen(s), n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    if (n <= 40) {
        sb_puts(out, s);
        return;
    }
    sb_append(out, s, cp_offset(s, len, 15));
    sb_put_utf8(out, 0x2026); /* ErrorPackage's "{0}\u2026{1}" */
    sb_puts(out, s + cp_offset(s, len, n - 15));
}

/* pwsh's GetMessage: "ObjectNotFound: (x:String) [Get-Item], ItemNotFoundException". */
static void ci_to_string(Value self, StrBuf *out)
{
    CatInfo *c = (CatInfo *)self.as.o;
    convert_append_scalar(c->f[0], out);
    sb_puts(out, ": (");
    ci_put_ellipsized(out, val_str_data(c->f[3]));
    sb_putc(out, ':');
    ci_put_ellipsized(out, val_str_data(c->f[4]));
    sb_puts(out, ") [");
    ci_put_ellipsized(out, val_str_data(c->f[1]));
    sb_puts(out, "], ");
    ci_put_ellipsized(out, val_str_data(c->f[2]));
}

static int ci_get_prop(Value self, const char *name, size_t len, Value *out)
{
    for (int i = 0; i < CI_N; i++)
        if (str_ieq_slice(name, len, ci_names[i]))
            return *out = val_ref(((CatInfo *)self.as.o)->f[i]), 1;
    return 0;
}

static size_t ci_nprops(Value self)
{
    return CI_N;
}

static void ci_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    *name = ci_names[i];
    *len = strlen(*name);
    *val = ((CatInfo *)self.as.o)->f[i]; /* borrowed */
}

static const ObjClass cls_catinfo = {
    .name = "ErrorCategoryInfo",
    .full_name = "System.Management.Automation.ErrorCategoryInfo",
    .type = TY_OTHER,
    .free = ci_free,
    .to_string = ci_to_string,
    .get_prop = ci_get_prop,
    .nprops = ci_nprops,
    .prop_at = ci_prop_at,
};

static Value ci_category(ErrCategory cat)
{
    Value v;
    const EnumType *t = enum_find("ErrorCategory", 13);
    if (t && enum_member(t, cat_name[cat], strlen(cat_name[cat]), &v)) return v;
    return val_str(cat_name[cat]);
}

/* Activity is the command that failed ("" when none, and for a command that was not found:
 * pwsh takes it from InvocationInfo.MyCommand, which is then null).  TargetName is the
 * target's ToString(), TargetType its GetType().Name ("" for $null). */
static Value ci_new(ErrRec *r)
{
    CatInfo *c = (CatInfo *)obj_alloc(&cls_catinfo, sizeof(CatInfo));
    int has_cmd = r->command && r->exc != EXC_CMDNOTFOUND;
    c->f[0] = ci_category(r->cat);
    c->f[1] = val_str(has_cmd ? r->command : "");
    c->f[2] = val_str(exc_info[r->exc].name);
    StrBuf sb = {0};
    if (!val_is_null(r->target)) convert_append_scalar(r->target, &sb);
    c->f[3] = val_str_take_sb(&sb);
    c->f[4] = val_str(val_type_name(r->target));
    for (int i = 1; i < CI_N; i++) { /* ERRTXT_ACTIVITY.. in the same order as f[1..4] */
        const char *t = r->text[ERRTXT_ACTIVITY + i - 1];
        if (t) val_unref(c->f[i]), c->f[i] = val_str(t);
    }
    return val_obj_take(&c->obj);
}

/* ---- $err.ErrorDetails: Message and RecommendedAction; its ToString is the message ---- */

static const char *const ed_names[] = {"Message", "RecommendedAction"};

typedef struct ErrDetails {
    Obj obj;
    Value f[2];
} ErrDetails;

static void ed_free(Obj *o)
{
    val_unref(((ErrDetails *)o)->f[0]);
    val_unref(((ErrDetails *)o)->f[1]);
}

static void ed_to_string(Value self, StrBuf *out)
{
    sb_puts(out, val_str_data(((ErrDetails *)self.as.o)->f[0]));
}

static int ed_get_prop(Value self, const char *name, size_t len, Value *out)
{
    for (int i = 0; i < 2; i++)
        if (str_ieq_slice(name, len, ed_names[i]))
            return *out = val_ref(((ErrDetails *)self.as.o)->f[i]), 1;
    return 0;
}

static size_t ed_nprops(Value self)
{
    return 2;
}

static void ed_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    *name = ed_names[i];
    *len = strlen(*name);
    *val = ((ErrDetails *)self.as.o)->f[i];
}

static const ObjClass cls_errdetails = {
    .name = "ErrorDetails",
    .full_name = "System.Management.Automation.ErrorDetails",
    .type = TY_OTHER,
    .free = ed_free,
    .to_string = ed_to_string,
    .get_prop = ed_get_prop,
    .nprops = ed_nprops,
    .prop_at = ed_prop_at,
};

/* $null unless details or a recommended action were given (pwsh makes ErrorDetails from the
 * record's message when only -RecommendedAction is). */
static Value ed_new(ErrRec *r)
{
    const char *m = r->text[ERRTXT_DETAILS], *ra = r->text[ERRTXT_RECOMMENDED];
    if (!m && !ra) return val_null();
    ErrDetails *d = (ErrDetails *)obj_alloc(&cls_errdetails, sizeof(ErrDetails));
    d->f[0] = val_str(m ? m : r->msg);
    d->f[1] = val_str(ra ? ra : "");
    return val_obj_take(&d->obj);
}

static int rec_get_prop(Value self, const char *name, size_t len, Value *out)
{
    ErrRec *r = (ErrRec *)self.as.o;
    if (str_ieq_slice(name, len, "Exception"))
        *out = rec_exception(r);
    else if (str_ieq_slice(name, len, "FullyQualifiedErrorId"))
        *out = val_str(r->id);
    else if (str_ieq_slice(name, len, "TargetObject"))
        *out = val_ref(r->target);
    else if (str_ieq_slice(name, len, "CategoryInfo"))
        *out = ci_new(r);
    else if (str_ieq_slice(name, len, "ErrorDetails"))
        *out = ed_new(r);
    else
        return 0;
    return 1;
}

/* Sharing (runtime/value.h THREADS): the exception made on first use is made now, while
 * one thread owns the record, so a shared record never changes. */
static void rec_share(Obj *o)
{
    ErrRec *r = (ErrRec *)o;
    val_unref(rec_exception(r));
    val_share(r->target);
    val_share(r->exception);
}

const ObjClass cls_errorrecord = {
    .name = "ErrorRecord",
    .full_name = "System.Management.Automation.ErrorRecord",
    .type = TY_OTHER,
    .free = rec_free,
    .to_string = rec_to_string,
    .get_prop = rec_get_prop,
    .share = rec_share,
};

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

/* The message of the exception a MethodInvocationException wraps: the quoted tail of
 * 'Exception calling "M" with "N" argument(s): "inner"'; NULL when msg is not that. */
static char *method_inner_msg(const char *msg)
{
    const char *p = strstr(msg, " argument(s): \"");
    size_t len = strlen(msg);
    if (strncmp(msg, "Exception calling \"", 19) != 0 || !p || msg[len - 1] != '"') return NULL;
    p += 15;
    if (p > msg + len - 1) return NULL;
    return xstrndup(p, (size_t)(msg + len - 1 - p));
}

/* A MethodInvocationException's id is the .NET exception's type name ("FormatException",
 * as pwsh builds it); that names the wrapped kind, so catch [FormatException] matches and
 * .InnerException has the right type. */
static void method_inner(ErrRec *r)
{
    ExcKind k;
    if (r->exc != EXC_METHOD || r->inner != EXC_METHOD) return;
    if (!errrec_exc_lookup(r->id, strlen(r->id), &k) || k == EXC_METHOD) return;
    r->inner = k;
    r->inner_msg = method_inner_msg(r->msg);
}

Value errrec_new(const ErrInit *e)
{
    ErrRec *r = (ErrRec *)obj_alloc(&cls_errorrecord, sizeof(ErrRec));
    r->msg = xstrdup(e->msg ? e->msg : "");
    r->id = xstrdup(e->id ? e->id : "RuntimeException");
    r->command = dup_or_null(e->command);
    r->reason = dup_or_null(e->reason);
    r->exc = e->exc;
    r->inner = e->inner;
    r->cat = e->cat;
    r->target = val_null();
    r->exception = val_null();
    r->prog = e->prog ? prog_ref(e->prog) : NULL;
    r->start = e->start;
    r->end = e->end;
    method_inner(r);
    return val_obj_take(&r->obj);
}

Value errrec_from_conv(const ConvError *ce, Program *prog, uint32_t start, uint32_t end)
{
    ErrInit e = {.msg = ce->msg,
                 .id = ce->id,
                 .exc = EXC_RUNTIME,
                 .inner = EXC_RUNTIME,
                 .cat = ERRCAT_NOTSPECIFIED,
                 .prog = prog,
                 .start = start,
                 .end = end};
    if (strncmp(ce->msg, "Attempted to divide by zero", 27) == 0)
        e.inner = EXC_DIVZERO;
    else if (strstr(ce->id, "InvalidCast") || strstr(ce->id, "Convert"))
        e.inner = EXC_INVALIDCAST, e.cat = ERRCAT_INVALIDARGUMENT;
    return errrec_new(&e);
}

static ErrRec *rec(Value v)
{
    return (ErrRec *)v.as.o;
}

int errrec_is(Value v)
{
    return val_is(v, &cls_errorrecord);
}

const char *errrec_message(Value r)
{
    return rec(r)->msg;
}

const char *errrec_id(Value r)
{
    return rec(r)->id;
}

const char *errrec_category(Value r)
{
    return cat_name[rec(r)->cat];
}

const char *errrec_command(Value r)
{
    return rec(r)->command;
}

ExcKind errrec_exc(Value r)
{
    return rec(r)->exc;
}

Value errrec_target(Value r)
{
    return rec(r)->target;
}

void errrec_set_target(Value r, Value target)
{
    val_unref(rec(r)->target);
    rec(r)->target = val_ref(target);
}

void errrec_site(Value r, Program **prog, uint32_t *start, uint32_t *end)
{
    *prog = rec(r)->prog;
    *start = rec(r)->start;
    *end = rec(r)->end;
}

void errrec_fill_site(Value r, Program *prog, uint32_t start, uint32_t end)
{
    ErrRec *x = rec(r);
    if (x->prog || !prog) return;
    x->prog = prog_ref(prog);
    x->start = start;
    x->end = end;
}

/* Does kind k (or an ancestor) carry this name? */
static int kind_matches(ExcKind k, const char *name, size_t len)
{
    for (;;) {
        const ExcInfo *i = &exc_info[k];
        if (str_ieq_slice(name, len, i->name) || str_ieq_slice(name, len, i->full)) return 1;
        if (i->parent == k) return 0;
        k = i->parent;
    }
}

int errrec_matches(Value r, const char *name, size_t len)
{
    return kind_matches(rec(r)->exc, name, len) || kind_matches(rec(r)->inner, name, len);
}

Value errrec_unwrap(Value r, const char *name, size_t len)
{
    ErrRec *x = rec(r);
    if (x->inner == x->exc || !kind_matches(x->inner, name, len)) return val_null();
    const char *m = x->inner_msg ? x->inner_msg : x->msg;
    ErrInit e = {.msg = m,
                 .id = x->id,
                 .exc = x->inner,
                 .inner = x->inner,
                 .cat = x->cat,
                 .command = x->command,
                 .prog = x->prog,
                 .start = x->start,
                 .end = x->end,
                 .reason = x->reason};
    Value v = errrec_new(&e);
    errrec_set_target(v, x->target);
    return v;
}

void errrec_set_text(Value r, ErrText which, const char *text)
{
    ErrRec *x = rec(r);
    free(x->text[which]);
    x->text[which] = text && *text ? xstrdup(text) : NULL;
    if (which == ERRTXT_DETAILS && x->text[which]) { /* the displayed message */
        if (!x->text[ERRTXT_EXCMSG]) x->text[ERRTXT_EXCMSG] = xstrdup(x->msg);
        free(x->msg);
        x->msg = xstrdup(text);
    }
}

Value errrec_copy(Value r)
{
    ErrRec *x = rec(r);
    ErrInit e = {.msg = x->msg,
                 .id = x->id,
                 .exc = x->exc,
                 .inner = x->inner,
                 .cat = x->cat,
                 .command = x->command,
                 .prog = x->prog,
                 .start = x->start,
                 .end = x->end,
                 .reason = x->reason};
    Value v = errrec_new(&e);
    ErrRec *y = rec(v);
    free(y->inner_msg);
    y->inner_msg = dup_or_null(x->inner_msg);
    for (int i = 0; i < ERRTXT__COUNT; i++)
        y->text[i] = dup_or_null(x->text[i]);
    errrec_set_target(v, x->target);
    return v;
}

void errrec_set_id(Value r, const char *id)
{
    free(rec(r)->id);
    rec(r)->id = xstrdup(id);
}

void errrec_set_category(Value r, ErrCategory cat)
{
    rec(r)->cat = cat;
}

const char *errrec_reason(Value r)
{
    ErrRec *x = rec(r);
    if (x->command) return x->command;
    if (x->reason) return x->reason;
    if (x->cat != ERRCAT_NOTSPECIFIED && x->cat != ERRCAT_OPERATIONSTOPPED) return cat_name[x->cat];
    return exc_info[x->exc].name;
}

/* ---- standalone exception objects ---- */

int errrec_exc_lookup(const char *name, size_t len, ExcKind *k)
{
    for (int i = 0; i < EXC__COUNT; i++) {
        const char *full = exc_info[i].full;
        if (str_ieq_slice(name, len, exc_info[i].name) || str_ieq_slice(name, len, full) ||
            (strncmp(full, "System.", 7) == 0 && str_ieq_slice(name, len, full + 7)))
            return *k = (ExcKind)i, 1;
    }
    return 0;
}

Value errrec_exception_new(ExcKind k, const char *msg)
{
    return exc_new(k, msg, k, NULL);
}

int errrec_exception_info(Value v, ExcKind *k, const char **msg)
{
    if (v.kind != VAL_OBJ || v.as.o->cls->free != exc_free) return 0;
    *k = exc_kind_of(v.as.o->cls);
    *msg = ((ExcObj *)v.as.o)->msg;
    return 1;
}

const char *errrec_exc_name(ExcKind k)
{
    return exc_info[k].name;
}

const char *errrec_exc_fullname(ExcKind k)
{
    return exc_info[k].full;
}

int errrec_kind_is(ExcKind k, const char *name, size_t len)
{
    return kind_matches(k, name, len);
}
