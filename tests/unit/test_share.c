/*
** test_share: values shared between threads (runtime/value.h THREADS).  Four threads hammer
** one shared Hashtable, one shared ArrayList, one shared variable (what a [ref] or a
** PSVariable points to), one compiled [regex] and one shared StringBuilder, 100,000 operations
** each, and the results are checked exactly.  Run
** it under ThreadSanitizer and AddressSanitizer too: neither may report anything.
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/collections.h"
#include "runtime/hashtable.h"
#include "runtime/regex.h"
#include "runtime/scope.h"
#include "runtime/strbuilder.h"
#include "runtime/value.h"
#include "tests/unit/check.h"

enum { NTHREADS = 4, NOPS = 100000, NKEYS = 1000 };

typedef struct Shared {
    pthread_barrier_t go; /* the threads start together */
    Value ht;             /* Hashtable */
    Value list; /* ArrayList */
    Var *var;   /* a variable, kept alive by a handle */
    Value handle;
    Regex *re; /* one compiled pattern, matched by every thread */
    Value sb;  /* StringBuilder */
} Shared;

typedef struct Worker {
    Shared *sh;
    int id;
    long bad; /* reads that saw something impossible */
} Worker;

/* "t:j:i", a fresh string: replacing one frees the old one, so refcounts must be exact. */
static Value tag(int t, int j, int i)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%d:%d:%d", t, j, i);
    return val_str(buf);
}

/* Key j of thread t gets "t:j:i" for every i with i % NKEYS == j; other threads' keys are
 * read meanwhile (a string starting with their number, or not there yet). */
static void hammer_table(Worker *w, int i)
{
    int j = i % NKEYS;
    Value key = val_int(w->id * NKEYS + j), val = tag(w->id, j, i);
    ht_set(w->sh->ht, key, val);
    val_unref(val);
    Value other = val_int(((w->id + 1) % NTHREADS) * NKEYS + j), got;
    if (ht_get(w->sh->ht, other, &got)) {
        if (!val_is_str(got) || val_str_data(got)[0] != '0' + (w->id + 1) % NTHREADS) w->bad++;
        val_unref(got);
    }
    if (i % 997 == 0) { /* a borrowed walk, as foreach over $h.GetEnumerator() does */
        size_t mark = val_keep_mark();
        size_t n = ht_count(w->sh->ht);
        for (size_t k = 0; k < n; k += 101) {
            Value kk, vv;
            ht_entry_peek(w->sh->ht, k, &kk, &vv);
            if (!val_is_null(vv) && !val_is_str(vv)) w->bad++;
        }
        val_keep_release(mark);
    }
}

/* The variable: an increment under the object's lock (what a [ref] user would do with
 * [System.Threading.Monitor]) and a borrowed read of a string stored by another thread. */
static void hammer_var(Worker *w, int i)
{
    Var *v = w->sh->var;
    obj_lock(w->sh->handle.as.o);
    Value cur = var_value(v);
    var_set_take(v, val_long(cur.as.i + 1));
    obj_unlock(w->sh->handle.as.o);
    if (i % 4 == 0) {
        Value s = tag(w->id, 0, i);
        Value list = arr_new(TY_OBJECT, 1);
        arr_push(list, s);
        val_unref(s);
        Value h = ht_new(0);
        ht_set(h, val_int(1), list);
        val_unref(list);
        ht_set(w->sh->ht, val_int(-1 - w->id), h); /* a nested container stored into it */
        val_unref(h);
    }
}

static int span_is(const char *s, RxSpan sp, const char *want)
{
    size_t n = strlen(want);
    return sp.start != RX_NOPOS && sp.end - sp.start == n && memcmp(s + sp.start, want, n) == 0;
}

/* The shared [regex] on this thread's own text: both groups must come from this call. */
static void hammer_regex(Worker *w, int i)
{
    char text[64], num[16], word[32];
    snprintf(num, sizeof num, "%d", w->id * 7 + 1);
    snprintf(word, sizeof word, "w%d", i);
    snprintf(text, sizeof text, "..%s-%s..", num, word);
    RxMatch m = {0};
    char *err = NULL;
    if (rx_match(w->sh->re, text, strlen(text), 0, &m, &err) != 1 || m.ngroups < 3 ||
        !span_is(text, m.group[1], num) || !span_is(text, m.group[2], word))
        w->bad++;
    free(err);
    rx_match_free(&m);
}

static Value sb_call(Value sb, const char *name, const Value *a, int n)
{
    Value out = val_null();
    if (mbr_dispatch(strbuilder_methods, NULL, sb, name, strlen(name), a, n, &out, NULL) != MEMBER_OK)
        return val_null();
    return out;
}

/* Append this thread's letter to the shared builder; now and then read the whole text, which
 * holds only the four letters. */
static void hammer_builder(Worker *w, int i)
{
    char letter[2] = {(char)('a' + w->id), 0};
    Value arg = val_str(letter);
    val_unref(sb_call(w->sh->sb, "Append", &arg, 1));
    val_unref(arg);
    if (i % 5000 != 0) return;
    Value text = sb_call(w->sh->sb, "ToString", NULL, 0);
    if (!val_is_str(text)) w->bad++;
    for (size_t k = 0; val_is_str(text) && k < val_str_len(text); k++)
        if (val_str_data(text)[k] < 'a' || val_str_data(text)[k] >= 'a' + NTHREADS) w->bad++;
    val_unref(text);
}

static void *work(void *arg)
{
    Worker *w = arg;
    pthread_barrier_wait(&w->sh->go);
    for (int i = 0; i < NOPS; i++) {
        size_t mark = val_keep_mark();
        hammer_table(w, i);
        hammer_var(w, i);
        arr_push(w->sh->list, val_int(w->id));
        hammer_regex(w, i);
        hammer_builder(w, i);
        val_keep_release(mark);
    }
    val_keep_release(0);
    return NULL;
}

static void check_table(Shared *sh)
{
    CHECK(ht_count(sh->ht) == NTHREADS * NKEYS + NTHREADS);
    long wrong = 0;
    for (int t = 0; t < NTHREADS; t++) {
        for (int j = 0; j < NKEYS; j++) {
            Value got = val_null(), want = tag(t, j, NOPS - NKEYS + j);
            if (!ht_get(sh->ht, val_int(t * NKEYS + j), &got) || !val_is_str(got) ||
                strcmp(val_str_data(got), val_str_data(want)) != 0)
                wrong++;
            val_unref(got);
            val_unref(want);
        }
        Value nested = val_null();
        CHECK(ht_get(sh->ht, val_int(-1 - t), &nested) && val_is_shared(nested));
        val_unref(nested);
    }
    CHECK(wrong == 0);
}

static void check_list(Shared *sh)
{
    size_t n = arr_len(sh->list), per[NTHREADS] = {0};
    CHECK(n == (size_t)NTHREADS * NOPS);
    for (size_t i = 0; i < n; i++) {
        Value v = arr_peek(sh->list, i);
        if (v.kind == VAL_INT32 && v.as.i >= 0 && v.as.i < NTHREADS) per[v.as.i]++;
    }
    for (int t = 0; t < NTHREADS; t++)
        CHECK(per[t] == NOPS);
}

static void check_builder(Shared *sh)
{
    Value len = val_null(), text = sb_call(sh->sb, "ToString", NULL, 0);
    size_t per[NTHREADS] = {0};
    CHECK(cls_strbuilder.get_prop(sh->sb, "Length", 6, &len) && len.as.i == NTHREADS * NOPS);
    CHECK(val_is_str(text) && val_str_len(text) == (size_t)NTHREADS * NOPS);
    for (size_t k = 0; val_is_str(text) && k < val_str_len(text); k++)
        if (val_str_data(text)[k] >= 'a' && val_str_data(text)[k] < 'a' + NTHREADS)
            per[val_str_data(text)[k] - 'a']++;
    for (int t = 0; t < NTHREADS; t++)
        CHECK(per[t] == NOPS);
    val_unref(text);
}

static void test_hammer(void)
{
    Scope *scope = scope_new(NULL, 1);
    Shared sh;
    pthread_barrier_init(&sh.go, NULL, NTHREADS);
    sh.ht = ht_new(0);
    sh.list = coll_list_new(&cls_arraylist, TY_OBJECT);
    sh.var = scope_define(scope, "count", 5);
    var_set_take(sh.var, val_long(0));
    sh.handle = scope_var_handle(sh.var);
    char *err = NULL;
    sh.re = rx_compile("(\\d+)-(\\w+)", 11, 0, &err);
    CHECK(sh.re != NULL);
    Value empty = val_str("");
    strbuilder_conv(empty, &sh.sb, NULL);
    val_unref(empty);
    Value all[] = {sh.ht, sh.list, sh.handle, sh.sb};
    for (size_t i = 0; i < 4; i++) {
        CHECK(!val_is_shared(all[i]));
        val_share(all[i]);
        CHECK(val_is_shared(all[i]));
    }
    Worker w[NTHREADS];
    pthread_t tid[NTHREADS];
    for (int t = 0; t < NTHREADS; t++) {
        w[t] = (Worker){&sh, t, 0};
        CHECK(pthread_create(&tid[t], NULL, work, &w[t]) == 0);
    }
    for (int t = 0; t < NTHREADS; t++) {
        pthread_join(tid[t], NULL);
        CHECK(w[t].bad == 0);
    }
    check_table(&sh);
    check_list(&sh);
    check_builder(&sh);
    Value final = var_value(sh.var);
    CHECK(final.kind == VAL_INT64 && final.as.i == (int64_t)NTHREADS * NOPS);
    scope_free(scope); /* the handle keeps the variable alive */
    CHECK(var_value(sh.var).as.i == (int64_t)NTHREADS * NOPS);
    val_keep_release(0);
    val_unref(sh.handle);
    val_unref(sh.ht);
    val_unref(sh.list);
    val_unref(sh.sb);
    rx_unref(sh.re);
    pthread_barrier_destroy(&sh.go);
}

/* Marking: recursive, cycles end, stores into a shared container are marked, unshared
 * containers are untouched; Synchronized reports IsSynchronized. */
static void test_marking(void)
{
    Value inner = arr_new(TY_OBJECT, 0), outer = ht_new(1), s = val_str("x");
    arr_push(inner, s);
    ht_set(outer, s, inner);
    ht_set(outer, val_int(1), outer); /* a cycle */
    val_share(outer);
    CHECK(val_is_shared(outer) && val_is_shared(inner) && val_is_shared(s));
    Value late = ht_new(0);
    ht_set(outer, val_int(2), late);
    CHECK(val_is_shared(late));
    Value plain = ht_new(0), free_str = val_str("y");
    ht_set(plain, val_int(1), free_str);
    CHECK(!val_is_shared(plain) && !val_is_shared(free_str));
    Value got;
    CHECK(ht_base_prop(outer, "IsSynchronized", 14, &got) && got.kind == VAL_BOOL && !got.as.b);
    Value sync = val_synchronize(plain);
    CHECK(sync.as.o == plain.as.o && val_is_shared(free_str));
    CHECK(ht_base_prop(sync, "IsSynchronized", 14, &got) && got.as.b);
    ht_remove(outer, val_int(1)); /* break the cycle */
    Value all[] = {inner, outer, s, late, plain, free_str, sync};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        val_unref(all[i]);
}

int main(void)
{
    test_marking();
    test_hammer();
    return check_done();
}
