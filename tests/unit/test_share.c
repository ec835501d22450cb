/*
** test_share: values shared between threads (runtime/value.h THREADS).  Four threads hammer
** one shared Hashtable, one shared ArrayList and one shared variable (what a [ref] or a
** PSVariable points to), 100,000 operations each, and the results are checked exactly.  Run
** it under ThreadSanitizer and AddressSanitizer too: neither may report anything.
*/
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "runtime/array.h"
#include "runtime/collections.h"
#include "runtime/hashtable.h"
#include "runtime/scope.h"
#include "runtime/value.h"
#include "tests/unit/check.h"

enum { NTHREADS = 4, NOPS = 100000, NKEYS = 1000 };

typedef struct Shared {
    pthread_barrier_t go; /* the threads start together */
    Value ht;             /* Hashtable */
    Value list; /* ArrayList */
    Var *var;   /* a variable, kept alive by a handle */
    Value handle;
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

static void *work(void *arg)
{
    Worker *w = arg;
    pthread_barrier_wait(&w->sh->go);
    for (int i = 0; i < NOPS; i++) {
        size_t mark = val_keep_mark();
        hammer_table(w, i);
        hammer_var(w, i);
        arr_push(w->sh->list, val_int(w->id));
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
    Value all[] = {sh.ht, sh.list, sh.handle};
    for (size_t i = 0; i < 3; i++) {
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
    Value final = var_value(sh.var);
    CHECK(final.kind == VAL_INT64 && final.as.i == (int64_t)NTHREADS * NOPS);
    scope_free(scope); /* the handle keeps the variable alive */
    CHECK(var_value(sh.var).as.i == (int64_t)NTHREADS * NOPS);
    val_keep_release(0);
    val_unref(sh.handle);
    val_unref(sh.ht);
    val_unref(sh.list);
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
