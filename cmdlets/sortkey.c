/*
** sortkey: property keys and the value ordering of the object cmdlets (see sortkey.h).
*/
#include "cmdlets/sortkey.h"

#include <string.h>

#include "runtime/convert.h"
#include "runtime/eval.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/object.h"
#include "runtime/scriptblock.h"
#include "runtime/wildcard.h"

/* The keys a calculated property may use; a unique prefix selects one (pwsh accepts "n",
 * "e", "l" and any longer prefix). */
typedef enum { HK_NAME, HK_EXPR, HK_DESC, HK_ASC, HK_OTHER } HashKey;
static const struct {
    const char *name;
    HashKey kind;
} hash_keys[] = {
    {"Name", HK_NAME},     {"Label", HK_NAME},  {"Expression", HK_EXPR}, {"Descending", HK_DESC},
    {"Ascending", HK_ASC}, {"Width", HK_OTHER}, {"Alignment", HK_OTHER}, {"FormatString", HK_OTHER},
};

static HashKey hash_key(const char *s, size_t len)
{
    for (size_t i = 0; i < sizeof hash_keys / sizeof hash_keys[0]; i++)
        if (len && len <= strlen(hash_keys[i].name) && str_nicmp(hash_keys[i].name, s, len) == 0)
            return hash_keys[i].kind;
    return (HashKey)-1;
}

static int parse_hash(Value h, SortKey *k, const char **msg)
{
    for (size_t i = 0; i < ht_count(h); i++) {
        Value key, val;
        ht_entry_peek(h, i, &key, &val);
        Value ks = convert_to_string(key, NULL);
        HashKey hk = hash_key(val_str_data(ks), val_str_len(ks));
        val_unref(ks);
        if (hk == HK_NAME) {
            val_unref(k->name);
            k->name = convert_to_string(val, NULL);
        } else if (hk == HK_EXPR) {
            val_unref(k->expr);
            k->expr = val_is(val, &cls_scriptblock) ? val_ref(val) : convert_to_string(val, NULL);
        } else if (hk == HK_DESC || hk == HK_ASC) {
            k->desc = convert_truthy(val) == (hk == HK_DESC);
        } else if (hk != HK_OTHER) {
            *msg = "The key is not valid for a calculated property.";
            return -1;
        }
    }
    if (k->expr.kind == VAL_NULL && k->desc < 0) {
        *msg = "The Expression key is missing.";
        return -1;
    }
    return 0;
}

int sortkey_parse(Value spec, SortKey *k, const char **msg)
{
    k->expr = val_null();
    k->name = val_null();
    k->desc = -1;
    k->wildcard = 0;
    spec = val_base(spec);
    if (ht_is(spec)) {
        if (parse_hash(spec, k, msg) == 0) return 0;
        sortkey_free(k);
        return -1;
    }
    if (val_is(spec, &cls_scriptblock)) {
        k->expr = val_ref(spec);
        return 0;
    }
    k->expr = convert_to_string(spec, NULL);
    k->wildcard = wildcard_has_meta(val_str_data(k->expr), val_str_len(k->expr));
    return 0;
}

void sortkey_free(SortKey *k)
{
    val_unref(k->expr);
    val_unref(k->name);
    k->expr = k->name = val_null();
}

const char *sortkey_name(const SortKey *k)
{
    if (val_is_str(k->name)) return val_str_data(k->name);
    if (val_is_str(k->expr)) return val_str_data(k->expr);
    if (val_is(k->expr, &cls_scriptblock)) return scriptblock_text(k->expr);
    return "";
}

int sortkey_prop(Interp *I, Value obj, const char *name, size_t len, Value *out)
{
    Value b = val_base(obj);
    *out = val_null();
    if (ht_is(b)) return ht_get_str(b, name, len, out);
    if (val_get_prop(obj, name, len, out)) return 1;
    if (val_is_null(b)) return 0;
    Status st = eval_member(I, obj, name, len, out);
    if (st) {
        eval_clear_error(I);
        *out = val_null();
        return 0;
    }
    return out->kind != VAL_NULL;
}

Status sortkey_eval(Interp *I, const SortKey *k, Value obj, Value *out, int *found)
{
    if (found) *found = 1;
    if (val_is(k->expr, &cls_scriptblock)) {
        Collector col;
        collector_init(&col);
        Status st = eval_invoke_item(I, k->expr, obj, &col.pipe);
        *out = collector_take(&col);
        if (out->kind == VAL_AUTONULL) *out = val_null();
        return st;
    }
    if (!val_is_str(k->expr)) {
        *out = val_null();
        return ST_OK;
    }
    int f = sortkey_prop(I, obj, val_str_data(k->expr), val_str_len(k->expr), out);
    if (found) *found = f;
    return ST_OK;
}

static int compare_strings(Value a, Value b, int cs)
{
    Value sa = convert_to_string(a, NULL), sb = convert_to_string(b, NULL);
    int r =
        convert_strcoll(val_str_data(sa), val_str_len(sa), val_str_data(sb), val_str_len(sb), cs);
    val_unref(sa);
    val_unref(sb);
    return r;
}

int sortkey_compare(Value a, Value b, int cs)
{
    int an = val_is_null(a), bn = val_is_null(b);
    if (an || bn) return an - bn ? (an ? -1 : 1) : 0;
    a = val_base(a);
    b = val_base(b);
    if (val_is_str(a) || val_is_str(b)) return compare_strings(a, b, cs);
    int cmp;
    if (convert_compare(a, b, cs, &cmp, NULL) == 0) return cmp;
    return compare_strings(a, b, cs);
}
