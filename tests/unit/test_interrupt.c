/*
** test_interrupt: the runspace's stop request (runtime/interp.h) and pipeline stops
** (runtime/pipeline.h).  A request from another thread (what Stop-Job and the host's SIGINT
** handler do) ends interp_sleep and a running script; finally blocks run during a stop, catch
** blocks do not; a cleared request stops nothing; Select-Object -First stops only its
** upstream.  No timing is asserted: the stopping thread waits for the script's "started"
** marker.  2026-11-24, issues 3 and 5.
*/
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "cmdlets/registry.h"
#include "parser/parser.h"
#include "runtime/convert.h"
#include "runtime/interp.h"
#include "runtime/strbuf.h"

static StrBuf out;
static atomic_int started;

static void cap_out(void *ctx, Value v)
{
    convert_append_string(v, NULL, &out);
    sb_putc(&out, '\n');
}

static void cap_host(void *ctx, const char *t, size_t n)
{
    sb_append(&out, t, n);
    if (n >= 7 && memcmp(t, "started", 7) == 0) atomic_store(&started, 1);
}

static Interp *fresh(void)
{
    Interp *I = interp_new();
    cmdlets_open_all(I);
    interp_set_output(I, cap_out, NULL);
    interp_set_host(I, cap_host, NULL);
    interp_set_errors(I, cap_host, NULL);
    return I;
}

/* The stopping thread: once the script wrote "started", ask its runspace to stop. */
static void *stopper(void *arg)
{
    struct timespec ms = {0, 1000000};
    for (int i = 0; i < 20000 && !atomic_load(&started); i++)
        nanosleep(&ms, NULL);
    interp_request_stop(arg);
    return NULL;
}

/* Run src in I, stopped from another thread after "started" when stop is set; *rc: exit code. */
static const char *run_in(Interp *I, const char *src, int stop, int *rc)
{
    sb_clear(&out);
    atomic_store(&started, 0);
    pthread_t t;
    if (stop) pthread_create(&t, NULL, stopper, I);
    Program *p = parse_program(src, strlen(src), NULL);
    *rc = interp_run(I, p, NULL, 0);
    prog_unref(p);
    if (stop) pthread_join(t, NULL);
    return sb_str(&out);
}

static void test_sleep(void)
{
    Interp *I = fresh();
    CHECK(!interp_stopping(I));
    CHECK(interp_sleep(I, 1000000) == ST_OK);
    interp_request_stop(I);
    CHECK(interp_stopping(I));
    CHECK(interp_sleep(I, 60LL * 1000000000) == ST_STOP); /* at once: the request is there */
    interp_clear_stop(I);
    CHECK(!interp_stopping(I));
    CHECK(interp_sleep(I, 1000000) == ST_OK);
    interp_free(I);
}

static void test_script_stop(void)
{
    Interp *I = fresh();
    int rc;
    CHECK_STR(run_in(I,
                     "try { Write-Host started; while ($true) { } } catch { Write-Host caught }"
                     " finally { Write-Host finally; 'dropped' }; Write-Host after",
                     1, &rc),
              "started\nfinally\n");
    CHECK(rc == 1);
    CHECK(!interp_stopping(I)); /* the outermost run used the request up */
    CHECK_STR(run_in(I, "Write-Host started; Start-Sleep 60; Write-Host after", 1, &rc),
              "started\n");
    CHECK(rc == 1);
    CHECK_STR(
        run_in(I, "function f { Write-Host started; for (;;) { f2 } }; function f2 { }; f", 1, &rc),
        "started\n");
    CHECK_STR(
        run_in(I, "trap { Write-Host trapped }; Write-Host started; do { } while (1)", 1, &rc),
        "started\n");
    CHECK_STR(run_in(I, "'runs again'", 0, &rc), "runs again\n");
    CHECK(rc == 0);
    interp_free(I);
}

static void test_upstream_stop(void)
{
    Interp *I = fresh();
    int rc;
    CHECK_STR(run_in(I,
                     "1..10 | ForEach-Object { Write-Host \"p$_\"; $_ } | Select-Object -First 2 |"
                     " ForEach-Object { \"o$_\" } -End { Write-Host end }; $?",
                     0, &rc),
              "p1\no1\np2\no2\nend\nTrue\n");
    CHECK_STR(run_in(I,
                     "(1..3 | ForEach-Object { 1..1000000000 | Select-Object -First 1 }) -join ','",
                     0, &rc),
              "1,1,1\n");
    CHECK_STR(run_in(I, "1..5 | Select-Object -Last 2 -First 1", 0, &rc), "1\n4\n5\n");
    CHECK(rc == 0);
    interp_free(I);
}

int main(void)
{
    test_sleep();
    test_script_stop();
    test_upstream_stop();
    sb_free(&out);
    return check_done();
}
