/*
** test_runloc: the runspace location (runtime/runloc.h) and the scoped alias tables
** (runtime/scope.h).  Two detached runspaces on two threads change their locations at the
** same time without disturbing each other or the process working directory.
*/
#include "cmdlets/registry.h"
#include "runtime/eval.h"
#include "runtime/mem.h"
#include "runtime/runloc.h"
#include "runtime/scope.h"
#include "tests/unit/check.h"

#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

static void test_set_and_full(void)
{
    char *start = getcwd(NULL, 0);
    Interp *I = interp_new();
    CHECK_STR(runloc_get(I), start);
    runloc_detach(I);
    CHECK(runloc_set(I, "/usr/./lib/..") == 0);
    CHECK_STR(runloc_get(I), "/usr");
    CHECK(runloc_set(I, "..") == 0);
    CHECK_STR(runloc_get(I), "/");
    CHECK(runloc_set(I, "/no/such/dir") == -1);
    CHECK_STR(runloc_get(I), "/");
    CHECK(runloc_set(I, "/etc/passwd") == -1); /* not a directory */
    char *full = runloc_full(I, "a//b/../c/.");
    CHECK_STR(full, "/a/c");
    free(full);
    CHECK(runloc_set(I, "/tmp") == 0);
    full = runloc_full(I, "../x");
    CHECK_STR(full, "/x");
    free(full);
    char *now = getcwd(NULL, 0);
    CHECK_STR(now, start); /* detached: the process never moved */
    free(now);
    interp_free(I);
    free(start);
}

static void test_owner_moves_process(void)
{
    char *start = getcwd(NULL, 0);
    Interp *I = interp_new();
    CHECK(runloc_set(I, "/") == 0);
    char *now = getcwd(NULL, 0);
    CHECK_STR(now, "/");
    free(now);
    CHECK(runloc_set(I, start) == 0);
    interp_free(I);
    free(start);
}

static void test_stacks(void)
{
    Interp *I = interp_new();
    CHECK(runloc_depth(I, RLS_PUSHED) == 0);
    CHECK(runloc_pop(I, RLS_PUSHED) == NULL);
    runloc_push(I, RLS_PUSHED, "/a");
    runloc_push(I, RLS_PUSHED, "/b");
    CHECK(runloc_depth(I, RLS_PUSHED) == 2);
    CHECK_STR(runloc_peek(I, RLS_PUSHED, 0), "/b");
    CHECK_STR(runloc_peek(I, RLS_PUSHED, 1), "/a");
    CHECK(runloc_peek(I, RLS_PUSHED, 2) == NULL);
    CHECK(runloc_depth(I, RLS_BACK) == 0);
    char *p = runloc_pop(I, RLS_PUSHED);
    CHECK_STR(p, "/b");
    free(p);
    runloc_push(I, RLS_FWD, "/f");
    runloc_clear(I, RLS_FWD);
    CHECK(runloc_depth(I, RLS_FWD) == 0);
    interp_free(I); /* frees what is left on the stacks */
}

static const char *resolved(Scope *s, const char *name, char *buf, size_t n)
{
    Value v = val_str(name);
    Value r = scope_alias_resolve(s, v);
    snprintf(buf, n, "%s", val_str_data(r));
    val_unref(r);
    val_unref(v);
    return buf;
}

static void test_aliases(void)
{
    char buf[64];
    Scope *g = scope_new(NULL, 1), *f = scope_new(g, 0);
    Value t = val_str("Get-Date");
    scope_alias_define(g, "now", 3, t, 0);
    val_unref(t);
    t = val_str("now");
    scope_alias_define(f, "NOW2", 4, t, 0);
    val_unref(t);
    CHECK_STR(resolved(f, "now2", buf, sizeof buf), "Get-Date"); /* alias of an alias */
    CHECK_STR(resolved(g, "now2", buf, sizeof buf), "now2");     /* not seen from the parent */
    CHECK_STR(resolved(f, "other", buf, sizeof buf), "other");
    t = val_str("loop2");
    scope_alias_define(g, "loop1", 5, t, 0);
    val_unref(t);
    t = val_str("loop1");
    scope_alias_define(g, "loop2", 5, t, 0);
    val_unref(t);
    resolved(g, "loop1", buf, sizeof buf); /* terminates */
    t = val_str("Get-Item");
    scope_alias_define(f, "priv", 4, t, VF_PRIVATE);
    val_unref(t);
    Scope *child = scope_new(f, 0);
    CHECK(scope_alias_lookup(f, "priv", 4) != NULL);
    CHECK(scope_alias_lookup(child, "priv", 4) == NULL);
    CHECK(scope_alias_remove(f, "PRIV", 4) == 1);
    CHECK(scope_alias_remove(f, "priv", 4) == 0);
    scope_free(child);
    scope_free(f);
    scope_free(g);
}

/* One thread: its own runspace moves between two directories many times. */
typedef struct Mover {
    const char *a, *b;
    int ok;
} Mover;

static void discard(void *ctx, Value v)
{
    (void)ctx, (void)v;
}

static void *mover(void *arg)
{
    Mover *m = arg;
    Interp *I = interp_new();
    cmdlets_open_all(I);
    interp_set_output(I, discard, NULL);
    runloc_detach(I);
    char src[256];
    snprintf(src, sizeof src,
             "foreach ($i in 1..200) { Set-Location '%s'; if ($PWD.Path -ne '%s') { throw 'a' }"
             " Set-Location '%s'; if ((Get-Location).Path -ne '%s') { throw 'b' } }",
             m->a, m->a, m->b, m->b);
    Program *p = parse_program(src, strlen(src), NULL);
    m->ok = interp_run(I, p, NULL, 0) == 0 && strcmp(runloc_get(I), m->b) == 0;
    prog_unref(p);
    interp_free(I);
    return NULL;
}

static void test_two_threads(void)
{
    char *start = getcwd(NULL, 0);
    Mover m1 = {"/tmp", "/usr", 0}, m2 = {"/", "/etc", 0};
    pthread_t t1, t2;
    pthread_create(&t1, NULL, mover, &m1);
    pthread_create(&t2, NULL, mover, &m2);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    CHECK(m1.ok);
    CHECK(m2.ok);
    char *now = getcwd(NULL, 0);
    CHECK_STR(now, start);
    free(now);
    free(start);
}

int main(void)
{
    test_set_and_full();
    test_owner_moves_process();
    test_stacks();
    test_aliases();
    test_two_threads();
    return check_done();
}
