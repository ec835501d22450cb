/*
** members_util: dispatch, error wrapping and argument helpers for the member tables.
*/
#include "runtime/members_util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/datefmt.h"
#include "runtime/decimal.h"
#include "runtime/mem.h"

static void vset(MemberError *err, const char *id, const char *fmt, va_list ap)
{
    err->id = id;
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
}

int mbr_exc(MbrCall *k, const char *id, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vset(k->err, id, fmt, ap);
    va_end(ap);
    return -1;
}

int mbr_fail(MbrCall *k, const char *id, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vset(k->err, id, fmt, ap);
    va_end(ap);
    return -1;
}

/* .NET exception ids end in "Exception"; pwsh wraps those with the call's name and count. */
static int is_exception_id(const char *id)
{
    size_t n = strlen(id), m = strlen("Exception");
    return n >= m && strcmp(id + n - m, "Exception") == 0;
}

static void wrap(MemberError *err, const char *method, int n)
{
    char inner[sizeof err->msg];
    memcpy(inner, err->msg, sizeof inner);
    snprintf(err->msg, sizeof err->msg,
             "Exception calling \"%s\" with \"%d\" argument(s): \"%.*s\"", method, n,
             (int)(sizeof err->msg - 80), inner);
}

int mbr_dispatch(const MbrMethod *t, MemberCtx *c, Value self, const char *name, size_t len,
                 const Value *a, int n, Value *out, MemberError *err)
{
    MemberError scratch;
    if (!err) err = &scratch;
    for (; t->name; t++) {
        if (!str_ieq_slice(name, len, t->name)) continue;
        const MbrMethod *m = t;
        while (n < m->min || n > m->max) { /* an overload with another count may follow */
            m++;
            if (!m->name || !str_ieq_slice(name, len, m->name))
                return conv_fail(err, "MethodCountCouldNotFindBest",
                                 "Cannot find an overload for \"%.*s\" and the argument count: "
                                 "\"%d\".",
                                 (int)len, name, n);
        }
        MbrCall k = {c, m->name, m->params, a, n, err};
        *out = val_null();
        if (m->fn(&k, self, out) == 0) return MEMBER_OK;
        if (is_exception_id(err->id)) wrap(err, m->name, n);
        return MEMBER_ERROR;
    }
    return MEMBER_NOTFOUND;
}

int mbr_getprop(const MbrProp *t, MemberCtx *c, Value self, const char *name, size_t len,
                Value *out)
{
    for (; t->name; t++)
        if (str_ieq_slice(name, len, t->name))
            return t->fn(c, self, out) ? MEMBER_OK : MEMBER_NOTFOUND;
    return MEMBER_NOTFOUND;
}

/* ---- arguments ---- */

Value mbr_str(MbrCall *k, int i)
{
    return convert_to_string(k->a[i], k->c ? k->c->ofs : NULL);
}

/* pwsh: Cannot convert argument "x", with value: "v", for "M" to type "T": "inner" */
/* The name of parameter i from "a,b,c" (or "value"): its length, *name set. */
static int param_name(const char *params, int i, const char **name)
{
    const char *p = params;
    while (p && i-- > 0 && (p = strchr(p, ',')) != NULL)
        p++;
    if (!p || !*p) return *name = "value", 5;
    *name = p;
    return (int)strcspn(p, ",");
}

static int arg_fail(MbrCall *k, int i, TypeId t, const ConvError *ce)
{
    Value s = convert_to_string(k->a[i], NULL);
    const char *pn;
    int pl = param_name(k->params, i, &pn);
    mbr_fail(k, "MethodArgumentConversionInvalidCastArgument",
             "Cannot convert argument \"%.*s\", with value: \"%.100s\", for \"%s\" to type "
             "\"%s\": \"%.250s\"",
             pl, pn, val_str_data(s), k->method, type_fullname(t), ce->msg);
    val_unref(s);
    return -1;
}

int mbr_arg(MbrCall *k, int i, TypeId t, Value *v)
{
    ConvError ce;
    if (convert_to(k->a[i], t, 0, v, &ce) == 0) return 0;
    return arg_fail(k, i, t, &ce);
}

int mbr_int(MbrCall *k, int i, int32_t *out)
{
    Value v;
    if (mbr_arg(k, i, TY_INT32, &v)) return -1;
    *out = (int32_t)v.as.i;
    return 0;
}

int mbr_long(MbrCall *k, int i, int64_t *out)
{
    Value v;
    if (mbr_arg(k, i, TY_INT64, &v)) return -1;
    *out = v.as.i;
    return 0;
}

int mbr_double(MbrCall *k, int i, double *out)
{
    Value v;
    if (mbr_arg(k, i, TY_DOUBLE, &v)) return -1;
    *out = v.as.d;
    return 0;
}

int mbr_char(MbrCall *k, int i, uint32_t *out)
{
    Value v;
    if (mbr_arg(k, i, TY_CHAR, &v)) return -1;
    *out = (uint32_t)v.as.u;
    return 0;
}

int mbr_bytes(MbrCall *k, int i, StrBuf *out)
{
    Value v = val_base(k->a[i]);
    if (val_is_null(v))
        return mbr_exc(k, "ArgumentNullException", "Value cannot be null. (Parameter 'inArray')");
    if (!val_is_array(v)) {
        Value b;
        ConvError ce;
        if (convert_to(v, TY_BYTE, 0, &b, &ce))
            return mbr_exc(k, "InvalidCastException", "%s", ce.msg);
        sb_putc(out, (char)b.as.u);
        return 0;
    }
    for (size_t j = 0; j < arr_len(v); j++) {
        Value b;
        ConvError ce;
        if (convert_to(arr_peek(v, j), TY_BYTE, 0, &b, &ce))
            return mbr_exc(k, "InvalidCastException", "%s", ce.msg);
        sb_putc(out, (char)b.as.u);
    }
    return 0;
}

const char *mbr_overflow_noun(TypeId t)
{
    switch (t) {
    case TY_BYTE:
        return "an unsigned byte";
    case TY_SBYTE:
        return "a signed byte";
    case TY_CHAR:
        return "a character";
    case TY_INT16:
        return "an Int16";
    case TY_UINT16:
        return "a UInt16";
    case TY_UINT32:
        return "a UInt32";
    case TY_INT64:
        return "an Int64";
    case TY_UINT64:
        return "a UInt64";
    case TY_DECIMAL:
        return "a Decimal";
    default:
        return "an Int32";
    }
}

double mbr_round_even(double d)
{
    return nearbyint(d); /* the default FE_TONEAREST mode rounds half to even */
}

/* ---- formatting and equality ---- */

/* Integer kinds: their size in bytes (for X/B formats) and signedness. */
int mbr_int_bytes(ValKind k)
{
    switch (k) {
    case VAL_SBYTE:
    case VAL_BYTE:
        return 1;
    case VAL_INT16:
    case VAL_UINT16:
        return 2;
    case VAL_INT32:
    case VAL_UINT32:
        return 4;
    default:
        return 8;
    }
}

int mbr_is_unsigned(ValKind k)
{
    return k == VAL_BYTE || k == VAL_UINT16 || k == VAL_UINT32 || k == VAL_UINT64;
}

static NfStatus format_date(Value v, const char *fmt, StrBuf *out)
{
    DtParts p;
    dt_from_ticks(v.as.i, &p);
    p.kind = (DtKind)v.aux;
    p.offset_min = v.aux == DT_UTC ? 0 : dt_local_offset_min(v.as.i);
    return dt_format(out, &p, fmt, NF_EN_US);
}

NfStatus mbr_format(Value v, const char *fmt, StrBuf *out)
{
    v = val_base(v);
    if (val_is_integer(v)) {
        ValKind k = (ValKind)v.kind;
        return mbr_is_unsigned(k) ? nf_format_uint(out, v.as.u, mbr_int_bytes(k), fmt, NF_EN_US)
                                  : nf_format_int(out, v.as.i, mbr_int_bytes(k), fmt, NF_EN_US);
    }
    if (v.kind == VAL_DOUBLE) return nf_format_double(out, v.as.d, fmt, NF_EN_US);
    if (v.kind == VAL_SINGLE) return nf_format_float(out, (float)v.as.d, fmt, NF_EN_US);
    if (v.kind == VAL_DATETIME) return format_date(v, fmt, out);
    if (v.kind == VAL_TIMESPAN) return ts_format(out, v.as.i, fmt);
    if (val_is_decimal(v)) {
        Decimal d = dec_of(v);
        NfDecimal nd = {d.lo, d.mid, d.hi, d.scale, d.neg};
        return nf_format_decimal(out, &nd, fmt, NF_EN_US);
    }
    convert_append_scalar(v, out);
    return NF_OK;
}

int mbr_equals(Value a, Value b)
{
    a = val_base(a);
    b = val_base(b);
    if (val_is_str(a) || val_is_str(b))
        return val_is_str(a) && val_is_str(b) && val_str_len(a) == val_str_len(b) &&
               memcmp(val_str_data(a), val_str_data(b), val_str_len(a)) == 0;
    if (val_is_decimal(a) && val_is_decimal(b)) return dec_cmp(dec_of(a), dec_of(b)) == 0;
    if (a.kind != b.kind) return 0;
    if (a.kind == VAL_OBJ) {
        const ObjClass *c = val_class(a);
        if (c == val_class(b) && c->equals) return c->equals(a, b);
        return a.as.o == b.as.o;
    }
    if (a.kind == VAL_DOUBLE || a.kind == VAL_SINGLE) return a.as.d == b.as.d;
    return val_identical(a, b);
}
