/*
** test_job: the job object model against jobs.md 1 (kinds, Ids, names), 2 (states,
** transitions, parent derivation, HasMoreData, Receive-Job's draining), 3.0/3.3/3.7 (selection,
** Get-Job filters, Remove-Job rules), 5 (table and list display) and 6 (error messages).
** Issue: job runtime (job object model), 2026-11-24.  GUIDs and the clock are injected.
*/
#include <pthread.h>
#include <stdlib.h>

#include "jobs/job.h"
#include "jobs/jobtable.h"
#include "runtime/datefmt.h"
#include "runtime/errrec.h"
#include "runtime/format.h"
#include "runtime/mem.h"
#include "tests/unit/check.h"

/* ======================================================================== fixtures */

/* The injected clock: 8/8/2019 14:41:57 plus ctx->secs seconds. */
typedef struct Clock {
    int secs;
} Clock;

static int64_t base_ticks(void)
{
    DtParts p = {0};
    p.year = 2019, p.month = 8, p.day = 8, p.hour = 14, p.minute = 41, p.second = 57;
    return dt_to_ticks(&p);
}

static int64_t test_clock(void *ctx)
{
    return base_ticks() + (int64_t)((Clock *)ctx)->secs * 10000000;
}

/* GUIDs 00000000-0000-4000-8000-00000000000N, N counting from 1. */
static void test_guid(void *ctx, char out[37])
{
    int *n = ctx;
    snprintf(out, 37, "00000000-0000-4000-8000-%012d", ++*n);
}

static Clock clk;
static int guids;

static JobTable *table(void)
{
    JobTable *t = job_table_new();
    clk.secs = 0;
    guids = 0;
    job_table_set_clock(t, test_clock, &clk);
    job_table_set_guid(t, test_guid, &guids);
    return t;
}

static Job *start_job(JobTable *t, const char *name, const char *cmd)
{
    JobSpec s = {JOB_KIND_BACKGROUND, name, cmd, NULL, 0};
    Job *j = job_new(t, &s);
    job_table_add(t, j);
    job_unref(j); /* the table holds it */
    return j;
}

static Job *thread_job(JobTable *t, const char *cmd)
{
    JobSpec s = {JOB_KIND_THREAD, NULL, cmd, NULL, 0};
    Job *j = job_new(t, &s);
    job_table_add(t, j);
    job_unref(j);
    return j;
}

static Job *remote_job(JobTable *t, const char *name, const char *cmd, size_t n,
                       const char *const *locs)
{
    JobSpec s = {JOB_KIND_REMOTE, name, cmd, locs, n};
    Job *j = job_new(t, &s);
    job_table_add(t, j);
    job_unref(j);
    return j;
}

static Job *child(Job *p)
{
    return job_child_at(p, 0);
}

static int run(Job *j)
{
    return job_set_state(j, JOB_RUNNING, val_null());
}

static int finish(Job *j, JobState s)
{
    return job_set_state(j, s, val_null());
}

static void say(Job *j, JobStream s, const char *text)
{
    Value v = val_str(text);
    job_deliver(j, s, v);
    val_unref(v);
}

/* Receive-Job into "Stream:text;" pairs (from job <Id>@ when ids is set). */
typedef struct Got {
    StrBuf sb;
    int ids;
} Got;

static void collect(void *ctx, Job *from, JobStream s, Value v)
{
    Got *g = ctx;
    if (g->ids) sb_printf(&g->sb, "%d@", job_id(from));
    sb_printf(&g->sb, "%s:", job_stream_name(s));
    if (val_is_str(v))
        sb_puts(&g->sb, val_str_data(v));
    else if (errrec_is(v))
        sb_puts(&g->sb, errrec_message(v));
    else
        sb_puts(&g->sb, "?");
    sb_putc(&g->sb, ';');
}

static char got_text[4096];

static const char *receive(Job *j, unsigned flags, int ids)
{
    Got g = {{0}, ids};
    job_receive(j, flags, collect, &g);
    snprintf(got_text, sizeof got_text, "%s", sb_str(&g.sb));
    sb_free(&g.sb);
    return got_text;
}

/* "Id:Name," for each job of a list. */
static char list_text[1024];

static const char *names(const JobList *l)
{
    StrBuf sb = {0};
    for (size_t i = 0; i < l->len; i++)
        sb_printf(&sb, "%d:%s,", job_id(l->items[i]), job_name(l->items[i]));
    snprintf(list_text, sizeof list_text, "%s", sb_str(&sb));
    sb_free(&sb);
    return list_text;
}

/* A property of j as display text. */
static char prop_text[256];

static const char *prop(Job *j, const char *name)
{
    Value jv = job_value(j), v;
    prop_text[0] = '\0';
    if (val_get_prop(jv, name, strlen(name), &v)) {
        StrBuf sb = {0};
        if (val_is_null(v))
            sb_puts(&sb, "$null");
        else if (v.kind == VAL_BOOL)
            sb_puts(&sb, v.as.b ? "True" : "False");
        else if (v.kind == VAL_INT32)
            sb_printf(&sb, "%d", (int)v.as.i);
        else if (val_is_str(v))
            sb_puts(&sb, val_str_data(v));
        else
            sb_puts(&sb, val_type_name(v));
        snprintf(prop_text, sizeof prop_text, "%s", sb_str(&sb));
        sb_free(&sb);
        val_unref(v);
    } else {
        snprintf(prop_text, sizeof prop_text, "(none)");
    }
    val_unref(jv);
    return prop_text;
}

/* ======================================================================== states */

static void test_state_names(void)
{
    static const char *const want[] = {"NotStarted", "Running",  "Completed",   "Failed",
                                       "Stopped",    "Blocked",  "Suspended",   "Disconnected",
                                       "Suspending", "Stopping", "AtBreakpoint"};
    for (int i = 0; i < JOB_STATE_COUNT; i++)
        CHECK_STR(job_state_name((JobState)i), want[i]);
    CHECK(JOB_STATE_COUNT == 11);
    CHECK_STR(job_state_name(JOB_STATE_COUNT), "");
    JobState s = JOB_RUNNING;
    CHECK(job_state_parse("completed", 9, &s) && s == JOB_COMPLETED);
    CHECK(job_state_parse("ATBREAKPOINT", 12, &s) && s == JOB_ATBREAKPOINT);
    CHECK(job_state_parse("7", 1, &s) && s == JOB_DISCONNECTED);
    CHECK(job_state_parse("10", 2, &s) && s == JOB_ATBREAKPOINT);
    CHECK(!job_state_parse("11", 2, &s));
    CHECK(!job_state_parse("Done", 4, &s));
    CHECK(!job_state_parse("", 0, &s));
    /* finished: Completed/Failed/Stopped; persistent adds Suspended and Disconnected */
    const char *fin = "00111000000", *per = "00111011000";
    for (int i = 0; i < JOB_STATE_COUNT; i++) {
        CHECK(job_state_is_finished((JobState)i) == (fin[i] == '1'));
        CHECK(job_state_is_persistent((JobState)i) == (per[i] == '1'));
    }
    CHECK_STR(job_stream_name(JOB_OUTPUT), "Output");
    CHECK_STR(job_stream_name(JOB_INFORMATION), "Information");
}

/* Row = from, column = to, in enum order (NS Ru Co Fa St Bl Su Di Sg Sp AB). */
static void test_transitions(void)
{
    static const char *const allowed[JOB_STATE_COUNT] = {
        /* NotStarted   */ "01011000010",
        /* Running      */ "00111101111",
        /* Completed    */ "00000000000",
        /* Failed       */ "00000000000",
        /* Stopped      */ "00000000000",
        /* Blocked      */ "01011000010",
        /* Suspended    */ "01011000010",
        /* Disconnected */ "01011000010",
        /* Suspending   */ "01011010010",
        /* Stopping     */ "00111000000",
        /* AtBreakpoint */ "01011000010",
    };
    for (int f = 0; f < JOB_STATE_COUNT; f++)
        for (int to = 0; to < JOB_STATE_COUNT; to++)
            CHECK(job_transition_ok((JobState)f, (JobState)to) == (allowed[f][to] == '1'));
    CHECK(!job_transition_ok(JOB_STATE_COUNT, JOB_RUNNING));
}

/* ======================================================================== ids, names, kinds */

static void test_ids(void)
{
    JobTable *t = table();
    /* Start-Job; Start-ThreadJob; Start-Job -> 1(+2), 3, 4(+5) (jobs.md 1.3) */
    Job *a = start_job(t, NULL, "1");
    Job *b = thread_job(t, "2");
    Job *c = start_job(t, "", "3");
    CHECK(job_id(a) == 1 && job_id(child(a)) == 2);
    CHECK(job_id(b) == 3 && job_child_count(b) == 0);
    CHECK(job_id(c) == 4 && job_id(child(c)) == 5);
    CHECK_STR(job_name(a), "Job1");
    CHECK_STR(job_name(child(a)), "Job2");
    CHECK_STR(job_name(b), "Job3");
    CHECK_STR(job_name(c), "Job4"); /* empty -Name: default */
    /* Invoke-Command -ComputerName A,B,C -AsJob -JobName R -> parent 6, children 7..9 */
    const char *locs[] = {"A", "B", "C"};
    Job *r = remote_job(t, "R", "Get-Date", 3, locs);
    CHECK(job_id(r) == 6 && job_child_count(r) == 3);
    for (size_t i = 0; i < 3; i++) {
        CHECK(job_id(job_child_at(r, i)) == 7 + (int)i);
        CHECK_STR(job_location(job_child_at(r, i)), locs[i]);
        CHECK(job_parent(job_child_at(r, i)) == r);
    }
    CHECK_STR(job_name(r), "R"); /* only the parent is renamed */
    CHECK_STR(job_name(job_child_at(r, 2)), "Job9");
    CHECK_STR(job_location(r), "A,B,C");
    job_set_name(a, "renamed");
    CHECK_STR(job_name(a), "renamed");
    job_set_name(a, NULL);
    CHECK_STR(job_name(a), "Job1");
    /* Ids are never reused after removal */
    JobError e = {0};
    CHECK(job_table_remove(t, c, JOB_RM_ID, 1, &e));
    Job *d = start_job(t, NULL, "4");
    CHECK(job_id(d) == 10 && job_id(child(d)) == 11);
    CHECK(job_table_next_id(t) == 12);
    /* InstanceIds from the injected source, parent first */
    CHECK_STR(job_instance_id(a), "00000000-0000-4000-8000-000000000001");
    CHECK_STR(job_instance_id(child(a)), "00000000-0000-4000-8000-000000000002");
    job_table_unref(t);
}

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/* The default InstanceId is a random version-4 GUID. */
static void test_random_guid(void)
{
    JobTable *t = job_table_new();
    Job *a = start_job(t, NULL, "x");
    const char *g = job_instance_id(a), *h = job_instance_id(child(a));
    CHECK(strlen(g) == 36);
    int shape = 1;
    for (int i = 0; i < 36; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23)
            shape &= g[i] == '-';
        else
            shape &= is_hex(g[i]);
    }
    CHECK(shape);
    CHECK(g[14] == '4');
    CHECK(strchr("89ab", g[19]) != NULL);
    CHECK(strcmp(g, h) != 0);
    job_table_unref(t);
}

static void test_kinds(void)
{
    JobTable *t = table();
    Job *a = start_job(t, NULL, " 1 + 1 ");
    Job *th = thread_job(t, "1..3");
    const char *locs[] = {"Server01", "Server02"};
    Job *r = remote_job(t, NULL, "gci", 2, locs);
    CHECK_STR(job_type_name(a), "BackgroundJob");
    CHECK_STR(job_type_name(child(a)), "");
    CHECK_STR(job_type_name(th), "ThreadJob");
    CHECK_STR(job_type_name(r), "RemoteJob");
    CHECK_STR(job_location(a), "localhost");
    CHECK_STR(job_location(child(a)), "localhost");
    CHECK_STR(job_location(th), "PowerShell");
    CHECK_STR(job_location(r), "Server01,Server02");
    CHECK_STR(job_command(a), " 1 + 1 "); /* verbatim, inner whitespace kept */
    CHECK_STR(job_command(child(a)), " 1 + 1 ");
    CHECK(job_kind(child(a)) == JOB_KIND_CHILD);
    /* the parent runs at once; children and thread jobs start NotStarted */
    CHECK(job_state(a) == JOB_RUNNING);
    CHECK(job_state(child(a)) == JOB_NOTSTARTED);
    CHECK(job_state(th) == JOB_NOTSTARTED);
    /* .NET type names */
    Value av = job_value(a), cv = job_value(child(a)), tv = job_value(th);
    CHECK_STR(val_type_name(av), "PSRemotingJob");
    CHECK_STR(val_type_fullname(cv), "System.Management.Automation.PSRemotingChildJob");
    CHECK_STR(val_type_name(tv), "ThreadJob");
    CHECK(job_value_is(av) && job_from_value(tv) == th);
    Value s = val_str("x");
    CHECK(!job_value_is(s) && job_from_value(s) == NULL);
    val_unref(s);
    val_unref(av);
    val_unref(cv);
    val_unref(tv);
    /* properties */
    CHECK_STR(prop(a, "StatusMessage"), "$null");
    CHECK_STR(prop(child(a), "StatusMessage"), "");
    CHECK_STR(prop(th, "StatusMessage"), "");
    CHECK_STR(prop(a, "state"), "Running");
    CHECK_STR(prop(a, "Id"), "1");
    CHECK_STR(prop(a, "ChildJobs"), "Object[]");
    CHECK_STR(prop(a, "JobStateInfo"), "JobStateInfo");
    CHECK_STR(prop(a, "Finished"), "ManualResetEvent");
    CHECK_STR(prop(a, "PSBeginTime"), "DateTime");
    CHECK_STR(prop(child(a), "PSBeginTime"), "$null");
    CHECK_STR(prop(a, "PSJobTypeName"), "BackgroundJob");
    CHECK_STR(prop(a, "InstanceId"), "Guid"); /* a System.Guid, binding to -InstanceId */
    CHECK_STR(job_instance_id(a), "00000000-0000-4000-8000-000000000001");
    CHECK_STR(prop(a, "NoSuchProperty"), "(none)");
    /* JobStateInfo: ToString is the state, Reason $null */
    Value jv = job_value(child(a)), info, x;
    CHECK(val_get_prop(jv, "JobStateInfo", 12, &info));
    CHECK(val_get_prop(info, "State", 5, &x) && strcmp(val_str_data(x), "NotStarted") == 0);
    val_unref(x);
    CHECK(val_get_prop(info, "Reason", 6, &x) && val_is_null(x));
    val_unref(info);
    /* Name is settable through the object */
    Value nm = val_str("Named");
    CHECK(val_class(jv)->set_prop(jv, "name", 4, nm));
    CHECK(!val_class(jv)->set_prop(jv, "Id", 2, nm));
    CHECK_STR(job_name(child(a)), "Named");
    val_unref(nm);
    val_unref(jv);
    job_table_unref(t);
}

/* ======================================================================== state changes */

static void test_set_state(void)
{
    JobTable *t = table();
    Job *a = start_job(t, NULL, "x"), *c = child(a);
    int64_t ticks = 0;
    CHECK(job_begin_time(a, &ticks) && ticks == base_ticks());
    CHECK(!job_end_time(a, &ticks));
    CHECK(!job_begin_time(c, &ticks));
    /* the parent's state is derived, never set */
    CHECK(!job_set_state(a, JOB_COMPLETED, val_null()));
    CHECK(!finish(c, JOB_COMPLETED)); /* NotStarted -> Completed is illegal */
    CHECK(job_state(c) == JOB_NOTSTARTED);
    clk.secs = 2;
    CHECK(run(c));
    CHECK(!run(c)); /* same state: rejected */
    CHECK(job_begin_time(c, &ticks) && ticks == base_ticks() + 20000000);
    clk.secs = 5;
    CHECK(job_set_state(c, JOB_BLOCKED, val_null()));
    CHECK(job_state(a) == JOB_BLOCKED);
    CHECK(run(c));
    CHECK(job_state(a) == JOB_RUNNING);
    CHECK(job_begin_time(c, &ticks) && ticks == base_ticks() + 20000000); /* set once */
    clk.secs = 10;
    CHECK(finish(c, JOB_COMPLETED));
    CHECK(job_state(a) == JOB_COMPLETED);
    CHECK(job_end_time(c, &ticks) && ticks == base_ticks() + 100000000);
    CHECK(job_end_time(a, &ticks) && ticks == base_ticks() + 100000000);
    CHECK(!run(c)); /* finished is final */
    CHECK(!finish(c, JOB_FAILED));
    CHECK(job_state(c) == JOB_COMPLETED);
    /* ThreadJob: NotStarted -> Running -> Failed with a reason */
    Job *th = thread_job(t, "throw");
    CHECK(run(th));
    Value why = val_str("MyError");
    CHECK(job_set_state(th, JOB_FAILED, why));
    val_unref(why);
    CHECK_STR(val_str_data(job_reason(th)), "MyError");
    /* a queued job can be stopped or fail before it runs */
    Job *q = thread_job(t, "q");
    CHECK(finish(q, JOB_STOPPED));
    CHECK(job_end_time(q, &ticks) && !job_begin_time(q, &ticks));
    /* PSTaskJob style stop: Running -> Stopping -> Stopped */
    Job *s = thread_job(t, "s");
    CHECK(run(s) && job_set_state(s, JOB_STOPPING, val_null()));
    CHECK(!job_state_is_finished(job_state(s)) && finish(s, JOB_STOPPED));
    job_table_unref(t);
}

/* One row of the parent-derivation table (jobs.md 2.3): the children's states in order. */
typedef struct DeriveCase {
    JobState kids[3];
    int stop_parent;
    JobState want;
} DeriveCase;

/* Drive a child from NotStarted to s along legal transitions. */
static void drive(Job *c, JobState s)
{
    if (s == JOB_NOTSTARTED) return;
    if (s == JOB_STOPPED || s == JOB_FAILED) {
        run(c);
        finish(c, s);
        return;
    }
    run(c);
    if (s != JOB_RUNNING) job_set_state(c, s, val_null());
}

static void test_derive(void)
{
    static const DeriveCase cases[] = {
        {{JOB_RUNNING, JOB_RUNNING, JOB_RUNNING}, 0, JOB_RUNNING},
        {{JOB_NOTSTARTED, JOB_NOTSTARTED, JOB_NOTSTARTED}, 0, JOB_RUNNING},
        {{JOB_BLOCKED, JOB_RUNNING, JOB_COMPLETED}, 0, JOB_BLOCKED},
        {{JOB_ATBREAKPOINT, JOB_RUNNING, JOB_RUNNING}, 0, JOB_ATBREAKPOINT},
        {{JOB_BLOCKED, JOB_ATBREAKPOINT, JOB_RUNNING}, 0, JOB_BLOCKED},
        {{JOB_COMPLETED, JOB_RUNNING, JOB_COMPLETED}, 0, JOB_RUNNING},
        {{JOB_COMPLETED, JOB_COMPLETED, JOB_COMPLETED}, 0, JOB_COMPLETED},
        {{JOB_COMPLETED, JOB_FAILED, JOB_COMPLETED}, 0, JOB_FAILED},
        {{JOB_STOPPED, JOB_COMPLETED, JOB_COMPLETED}, 0, JOB_COMPLETED}, /* child stopped alone */
        {{JOB_FAILED, JOB_STOPPED, JOB_COMPLETED}, 0, JOB_FAILED},
        {{JOB_DISCONNECTED, JOB_FAILED, JOB_COMPLETED}, 0, JOB_DISCONNECTED},
        {{JOB_DISCONNECTED, JOB_RUNNING, JOB_COMPLETED}, 0, JOB_RUNNING},
        {{JOB_COMPLETED, JOB_COMPLETED, JOB_RUNNING}, 1, JOB_STOPPED}, /* Stop-Job on parent */
        {{JOB_FAILED, JOB_COMPLETED, JOB_RUNNING}, 1, JOB_FAILED},
    };
    static const char *const locs[] = {"A", "B", "C"};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        JobTable *t = table();
        Job *p = remote_job(t, NULL, "x", 3, locs);
        for (size_t k = 0; k < 3; k++)
            drive(job_child_at(p, k), cases[i].kids[k]);
        if (cases[i].stop_parent) job_stop(p);
        if (job_state(p) != cases[i].want)
            fprintf(stderr, "derive case %zu: got %s\n", i, job_state_name(job_state(p)));
        CHECK(job_state(p) == cases[i].want);
        CHECK(val_is_null(job_reason(p))); /* the parent's Reason stays null */
        job_table_unref(t);
    }
    /* Blocked and back: the parent follows */
    JobTable *t = table();
    Job *p = remote_job(t, NULL, "x", 2, locs);
    run(job_child_at(p, 0));
    job_set_state(job_child_at(p, 0), JOB_BLOCKED, val_null());
    job_set_state(job_child_at(p, 1), JOB_RUNNING, val_null());
    job_set_state(job_child_at(p, 1), JOB_BLOCKED, val_null());
    CHECK(job_state(p) == JOB_BLOCKED);
    run(job_child_at(p, 0));
    CHECK(job_state(p) == JOB_BLOCKED); /* one still blocked */
    run(job_child_at(p, 1));
    CHECK(job_state(p) == JOB_RUNNING);
    /* a failed child carries the reason */
    Value why = val_str("boom");
    CHECK(job_set_state(job_child_at(p, 0), JOB_FAILED, why));
    val_unref(why);
    finish(job_child_at(p, 1), JOB_COMPLETED);
    CHECK(job_state(p) == JOB_FAILED);
    CHECK_STR(val_str_data(job_reason(job_child_at(p, 0))), "boom");
    CHECK(val_is_null(job_reason(p)));
    job_table_unref(t);
}

static void test_stop(void)
{
    JobTable *t = table();
    Job *a = start_job(t, NULL, "x");
    run(child(a));
    job_stop(a);
    CHECK(job_state(a) == JOB_STOPPED && job_state(child(a)) == JOB_STOPPED);
    CHECK(job_stop_requested(a));
    /* stopping a finished job does nothing */
    Job *b = start_job(t, NULL, "y");
    run(child(b));
    finish(child(b), JOB_COMPLETED);
    job_stop(b);
    CHECK(job_state(b) == JOB_COMPLETED && !job_stop_requested(b));
    /* Stop-Job on the child only: the parent ends Completed (the quirk of 2.3) */
    Job *c = start_job(t, NULL, "z");
    run(child(c));
    job_stop(child(c));
    CHECK(job_state(child(c)) == JOB_STOPPED && job_state(c) == JOB_COMPLETED);
    /* a queued thread job stops from NotStarted */
    Job *q = thread_job(t, "q");
    job_stop(q);
    CHECK(job_state(q) == JOB_STOPPED);
    job_table_unref(t);
}

/* ======================================================================== backends */

typedef struct Fake {
    int started, polled, stopped, *freed;
} Fake;

static int fake_start(Job *j, void *data)
{
    ((Fake *)data)->started++;
    return run(j) ? 0 : -1;
}

static void fake_poll(Job *j, void *data)
{
    Fake *f = data;
    if (f->polled++ == 0) say(j, JOB_OUTPUT, "polled");
}

/* An asynchronous stop: Stopping now, Stopped on request. */
static void fake_stop(Job *j, void *data)
{
    ((Fake *)data)->stopped++;
    job_set_state(j, JOB_STOPPING, val_null());
}

static void fake_free(void *data)
{
    Fake *f = data;
    ++*f->freed;
    free(f);
}

static const JobBackend fake_backend = {"fake", fake_start, fake_poll, fake_stop, fake_free, NULL};

static void test_backend(void)
{
    JobTable *t = table();
    int freed = 0;
    Job *a = start_job(t, NULL, "x");
    Fake *f = xcalloc(1, sizeof *f);
    f->freed = &freed;
    job_attach(child(a), &fake_backend, f);
    CHECK(job_backend_data(child(a)) == f);
    CHECK(job_start(a) == 0 && f->started == 1);
    CHECK(job_state(child(a)) == JOB_RUNNING);
    uint64_t g = job_table_generation(t);
    job_table_poll(t);
    CHECK(f->polled == 1 && job_results_count(child(a)) == 1);
    CHECK(job_table_generation(t) > g);
    CHECK(job_table_wait(t, g, 0) > g); /* already changed: no wait */
    g = job_table_generation(t);
    CHECK(job_table_wait(t, g, 0) == g); /* timeout 0: returns at once */
    job_stop(a);
    CHECK(f->stopped == 1 && job_state(child(a)) == JOB_STOPPING);
    CHECK(job_state(a) == JOB_RUNNING);
    finish(child(a), JOB_STOPPED);
    CHECK(job_state(a) == JOB_STOPPED); /* the parent's stop flag */
    JobError e = {0};
    CHECK(job_table_remove(t, a, JOB_RM_ID, 0, &e));
    CHECK(freed == 1); /* disposal releases the backend */
    job_table_unref(t);
}

/* Invoke-Command -ThrottleLimit (2026-11-24, issue 5): a parent runs at most its limit of
 * children; the others wait NotStarted until one finishes and the main loop looks again. */
static void test_throttle(void)
{
    JobTable *t = table();
    static const char *const locs[] = {"a", "b", "c"};
    Job *p = remote_job(t, NULL, "x", 3, locs);
    int freed = 0;
    Fake *f[3];
    for (int i = 0; i < 3; i++) {
        f[i] = xcalloc(1, sizeof *f[i]);
        f[i]->freed = &freed;
        job_attach(job_child_at(p, (size_t)i), &fake_backend, f[i]);
    }
    job_set_throttle(p, 2);
    CHECK(job_start(p) == 0);
    CHECK(f[0]->started == 1 && f[1]->started == 1 && f[2]->started == 0);
    CHECK(job_state(job_child_at(p, 2)) == JOB_NOTSTARTED);
    job_table_start_queued(t); /* no slot yet */
    CHECK(f[2]->started == 0);
    finish(job_child_at(p, 1), JOB_COMPLETED);
    job_table_start_queued(t);
    CHECK(f[2]->started == 1 && job_state(job_child_at(p, 2)) == JOB_RUNNING);
    job_table_start_queued(t); /* nothing waits any more */
    CHECK(f[2]->started == 1);
    finish(job_child_at(p, 0), JOB_COMPLETED);
    finish(job_child_at(p, 2), JOB_COMPLETED);
    CHECK(job_state(p) == JOB_COMPLETED);
    /* a waiting child of a removed parent never starts */
    Job *q = remote_job(t, NULL, "y", 2, locs);
    Fake *g[2];
    for (int i = 0; i < 2; i++) {
        g[i] = xcalloc(1, sizeof *g[i]);
        g[i]->freed = &freed;
        job_attach(job_child_at(q, (size_t)i), &fake_backend, g[i]);
    }
    job_set_throttle(q, 1);
    job_start(q);
    CHECK(g[0]->started == 1 && g[1]->started == 0);
    job_ref(q);
    JobError e = {0};
    CHECK(job_table_remove(t, q, JOB_RM_ID, 1, &e));
    CHECK(freed == 2); /* disposal released q's backends: the waiting one never started */
    job_table_start_queued(t);
    CHECK(job_state(job_child_at(q, 1)) == JOB_STOPPING); /* the fake's asynchronous stop */
    job_unref(q);
    job_table_unref(t);
    CHECK(freed == 5);
}

/* Output notes are added when a record is read, not when it arrives (2026-11-24). */
static void test_output_notes(void)
{
    JobTable *t = table();
    Job *a = start_job(t, NULL, "x"), *c = child(a);
    Value pc = val_str("localhost"), rs = val_str("r-1");
    job_set_output_notes(c, pc, rs, 0);
    run(c);
    say(c, JOB_OUTPUT, "1");
    Value stored = job_output_view(a, val_null()); /* no notes on the parent: v itself */
    CHECK(val_is_null(stored));
    val_unref(stored);
    Value v = val_str("2");
    Value w = job_output_view(c, v);
    Value n;
    CHECK(val_get_prop(w, "PSComputerName", 14, &n) && val_is_str(n) &&
          strcmp(val_str_data(n), "localhost") == 0);
    val_unref(n);
    CHECK(val_get_prop(w, "PSShowComputerName", 18, &n) && n.kind == VAL_BOOL && !n.as.b);
    val_unref(n);
    CHECK(val_get_prop(w, "RunspaceId", 10, &n) && val_is_str(n));
    val_unref(n);
    val_unref(w);
    val_unref(v);
    val_unref(pc);
    val_unref(rs);
    job_table_unref(t);
}

/* Receive-Job -Wait's early reads leave the failure reason for the last one (NOREASON). */
static void test_receive_noreason(void)
{
    JobTable *t = table();
    Job *a = start_job(t, NULL, "x"), *c = child(a);
    run(c);
    say(c, JOB_OUTPUT, "1");
    Value why = val_str("Boom");
    job_set_state(c, JOB_FAILED, why);
    val_unref(why);
    CHECK_STR(receive(a, JOB_RECV_NOREASON, 0), "Output:1;");
    CHECK_STR(receive(a, JOB_RECV_NOREASON, 0), "");
    CHECK_STR(receive(a, 0, 0), "Error:Boom;");
    job_table_unref(t);
}

/* Random InstanceIds: 2,000 of them, all distinct (the per-table generator). */
static void test_guid_unique(void)
{
    JobTable *t = job_table_new();
    enum { N = 1000 };
    char (*ids)[37] = xcalloc(2 * N, 37);
    for (int i = 0; i < N; i++) {
        Job *j = start_job(t, NULL, "x");
        memcpy(ids[2 * i], job_instance_id(j), 37);
        memcpy(ids[2 * i + 1], job_instance_id(child(j)), 37);
    }
    int dup = 0;
    for (int i = 0; i < 2 * N; i++)
        for (int k = i + 1; k < 2 * N; k++)
            dup += strcmp(ids[i], ids[k]) == 0;
    CHECK(dup == 0);
    free(ids);
    job_table_unref(t);
}

/* ======================================================================== data */

static void test_has_more_data(void)
{
    JobTable *t = table();
    /* running Start-Job without output: True for parent and child */
    Job *a = start_job(t, NULL, "x");
    CHECK(job_has_more_data(a) && job_has_more_data(child(a)));
    run(child(a));
    say(child(a), JOB_OUTPUT, "2");
    finish(child(a), JOB_COMPLETED);
    CHECK_STR(prop(a, "HasMoreData"), "True");
    receive(a, JOB_RECV_KEEP, 0);
    CHECK(job_has_more_data(a)); /* -Keep never changes it */
    receive(a, 0, 0);
    CHECK(!job_has_more_data(child(a)) && !job_has_more_data(a));
    /* a job that only throws: Failed False */
    Job *b = start_job(t, NULL, "throw 'x'");
    run(child(b));
    Value why = val_str("x");
    job_set_state(child(b), JOB_FAILED, why);
    val_unref(why);
    CHECK(job_state(b) == JOB_FAILED && !job_has_more_data(b));
    /* ThreadJob: only non-Information collections count */
    Job *th = thread_job(t, "Write-Host hi");
    CHECK(!job_has_more_data(th)); /* NotStarted False */
    run(th);
    say(th, JOB_INFORMATION, "hi");
    CHECK(!job_has_more_data(th));
    say(th, JOB_WARNING, "w");
    CHECK(job_has_more_data(th));
    receive(th, 0, 0);
    CHECK(!job_has_more_data(th));
    /* deliveries to a parent or a finished job are refused */
    CHECK(!job_deliver(a, JOB_OUTPUT, val_int(1)));
    CHECK(!job_deliver(child(a), JOB_OUTPUT, val_int(1)));
    job_table_unref(t);
}

static void test_receive(void)
{
    JobTable *t = table();
    Job *a = start_job(t, NULL, "x"), *c = child(a);
    run(c);
    say(c, JOB_OUTPUT, "1");
    say(c, JOB_ERROR, "e1");
    say(c, JOB_OUTPUT, "2");
    say(c, JOB_WARNING, "w");
    /* Start-Job keeps cross-stream order; -Keep copies */
    const char *all = "Output:1;Error:e1;Output:2;Warning:w;";
    CHECK_STR(receive(a, JOB_RECV_KEEP, 0), all);
    CHECK_STR(receive(a, JOB_RECV_KEEP, 0), all);
    CHECK_STR(receive(a, JOB_RECV_NORECURSE, 0), ""); /* the parent has no data */
    CHECK_STR(receive(a, 0, 0), all);
    CHECK_STR(receive(a, 0, 0), "");
    /* partial results: only newer data next time */
    say(c, JOB_OUTPUT, "3");
    CHECK_STR(receive(a, 0, 1), "2@Output:3;");
    /* the public collections keep everything */
    CHECK(job_stream_count(c, JOB_OUTPUT) == 3 && job_stream_count(c, JOB_ERROR) == 1);
    CHECK(job_stream_count(a, JOB_OUTPUT) == 0);
    CHECK(job_results_count(c) == 0);
    /* a Failed child re-reports its reason on every read, after its data */
    say(c, JOB_OUTPUT, "4");
    Value why = val_str("MyError");
    job_set_state(c, JOB_FAILED, why);
    val_unref(why);
    CHECK_STR(receive(a, 0, 0), "Output:4;Error:MyError;");
    CHECK_STR(receive(a, 0, 0), "Error:MyError;");
    CHECK_STR(receive(c, JOB_RECV_NORECURSE, 0), "Error:MyError;");
    CHECK_STR(receive(a, JOB_RECV_NORECURSE, 0), "");
    /* Stop-Job: nothing more, no error */
    Job *s = start_job(t, NULL, "y");
    run(child(s));
    job_stop(s);
    CHECK_STR(receive(s, 0, 0), "");
    job_table_unref(t);
}

static void test_receive_kinds(void)
{
    JobTable *t = table();
    /* ThreadJob: grouped per stream in ReceiveJob's fixed order */
    Job *th = thread_job(t, "x");
    run(th);
    say(th, JOB_INFORMATION, "i");
    say(th, JOB_PROGRESS, "p");
    say(th, JOB_WARNING, "w");
    say(th, JOB_DEBUG, "d");
    say(th, JOB_VERBOSE, "v");
    say(th, JOB_ERROR, "e");
    say(th, JOB_OUTPUT, "o1");
    say(th, JOB_OUTPUT, "o2");
    const char *want = "Output:o1;Output:o2;Error:e;Verbose:v;Debug:d;Warning:w;Progress:p;"
                       "Information:i;";
    CHECK_STR(receive(th, JOB_RECV_KEEP, 0), want);
    CHECK(job_stream_count(th, JOB_OUTPUT) == 2);
    CHECK_STR(receive(th, 0, 0), want);
    CHECK(job_stream_count(th, JOB_OUTPUT) == 0); /* its collections are drained */
    CHECK_STR(receive(th, 0, 0), "");
    Value why = val_str("tj failed");
    job_set_state(th, JOB_FAILED, why);
    val_unref(why);
    CHECK_STR(receive(th, 0, 0), "Error:tj failed;");
    /* Invoke-Command -AsJob: grouped per child, in ChildJobs order */
    const char *locs[] = {"S1", "S2"};
    Job *r = remote_job(t, NULL, "hostname", 2, locs);
    Job *c1 = job_child_at(r, 0), *c2 = job_child_at(r, 1);
    run(c1);
    run(c2);
    say(c2, JOB_OUTPUT, "b1");
    say(c1, JOB_OUTPUT, "a1");
    say(c2, JOB_OUTPUT, "b2");
    say(c1, JOB_ERROR, "a2");
    CHECK_STR(receive(r, 0, 1), "3@Output:a1;3@Error:a2;4@Output:b1;4@Output:b2;");
    /* Receive-Job -Location S2 */
    JobList l = {0};
    job_select_location(r, (const char *const[]){"s2"}, 1, &l);
    CHECK_STR(names(&l), "4:Job4,");
    job_list_free(&l);
    job_table_unref(t);
}

/* Receive-Job's emit may call back into the job (records were taken out first). */
static void reenter(void *ctx, Job *from, JobStream s, Value v)
{
    int *n = ctx;
    ++*n;
    CHECK(job_results_count(from) == 0);
    CHECK(job_has_more_data(from));
}

static void test_receive_reentry(void)
{
    JobTable *t = table();
    Job *a = start_job(t, NULL, "x");
    run(child(a));
    say(child(a), JOB_OUTPUT, "1");
    say(child(a), JOB_OUTPUT, "2");
    int n = 0;
    CHECK(job_receive(a, 0, reenter, &n) == 2 && n == 2);
    job_table_unref(t);
}

/* ======================================================================== selection */

static void test_lookup(void)
{
    JobTable *t = table();
    Job *a = start_job(t, NULL, "Get-Process");   /* 1 (+2) */
    Job *b = start_job(t, "Build", " Get-Date "); /* 3 (+4) */
    Job *th = thread_job(t, "Get-ChildItem");     /* 5 */
    CHECK(job_table_count(t) == 3 && job_table_at(t, 2) == th);
    CHECK(job_table_find_id(t, 4) == child(b));
    CHECK(job_table_find_id(t, 99) == NULL);
    JobList l = {0};
    JobError e = {0};
    CHECK(job_select_id(t, 2, &l, &e) && l.len == 1 && l.items[0] == child(a));
    CHECK(job_select_id(t, 2, &l, &e) && l.len == 1); /* no duplicates */
    CHECK(!job_select_id(t, 99, &l, &e));
    CHECK_STR(e.id, "JobWithSpecifiedSessionNotFound");
    CHECK_STR(e.category, "ObjectNotFound");
    CHECK_STR(e.message, "The command cannot find a job with the job ID 99. Verify the value of "
                         "the Id parameter and then try the command again.");
    CHECK(e.target.kind == VAL_INT32 && e.target.as.i == 99);
    char *fq = job_error_fqid(&e, "Get-Job");
    CHECK_STR(fq, "JobWithSpecifiedSessionNotFound,Microsoft.PowerShell.Commands.GetJobCommand");
    free(fq);
    Value rec = job_error_record(&e, "Receive-Job");
    CHECK(errrec_is(rec));
    CHECK_STR(errrec_id(rec), "JobWithSpecifiedSessionNotFound,Microsoft.PowerShell.Commands."
                              "ReceiveJobCommand");
    CHECK_STR(errrec_message(rec), e.message);
    CHECK(errrec_target(rec).kind == VAL_INT32);
    val_unref(rec);
    job_error_clear(&e);
    job_list_free(&l);
    /* names: wildcards, case-insensitive, children included unless Remove-Job */
    CHECK(job_select_name(t, "job*", 1, &l, &e));
    CHECK_STR(names(&l), "1:Job1,2:Job2,4:Job4,5:Job5,");
    job_list_free(&l);
    CHECK(job_select_name(t, "job*", 0, &l, &e));
    CHECK_STR(names(&l), "1:Job1,5:Job5,");
    job_list_free(&l);
    CHECK(job_select_name(t, "BUILD", 1, &l, &e) && l.len == 1 && l.items[0] == b);
    job_list_free(&l);
    CHECK(job_select_name(t, "nomatch*", 1, &l, &e) && l.len == 0); /* silent */
    CHECK(!job_select_name(t, "Job2", 0, &l, &e));                  /* a child: not top-level */
    CHECK_STR(e.id, "JobWithSpecifiedNameNotFound");
    CHECK_STR(e.message, "The command cannot find the job because the job name Job2 was not "
                         "found. Verify the value of the Name parameter, and then try the "
                         "command again.");
    CHECK(val_is_str(e.target) && strcmp(val_str_data(e.target), "Job2") == 0);
    job_error_clear(&e);
    CHECK(job_select_name(t, "Job`[1`]", 1, &l, &e) == 0); /* escaped: literal, not found */
    job_error_clear(&e);
    /* instance ids: case-insensitive, braces allowed, children too */
    CHECK(job_select_instance_id(t, "00000000-0000-4000-8000-000000000004", &l, &e));
    CHECK(job_select_instance_id(t, "{00000000-0000-4000-8000-000000000001}", &l, &e));
    CHECK_STR(names(&l), "4:Job4,1:Job1,");
    job_list_sort(&l);
    CHECK_STR(names(&l), "1:Job1,4:Job4,");
    job_list_free(&l);
    CHECK(!job_select_instance_id(t, "00000000-0000-4000-8000-0000000000FF", &l, &e));
    CHECK_STR(e.id, "JobWithSpecifiedInstanceIdNotFound");
    CHECK_STR(e.message, "The command cannot find a job with the instance identifier "
                         "00000000-0000-4000-8000-0000000000FF. Verify the value of the "
                         "InstanceId parameter, and then try the command again.");
    job_error_clear(&e);
    /* state: top-level only */
    job_select_state(t, JOB_RUNNING, &l);
    CHECK_STR(names(&l), "1:Job1,3:Build,");
    job_list_free(&l);
    job_select_state(t, JOB_NOTSTARTED, &l);
    CHECK_STR(names(&l), "5:Job5,");
    job_list_free(&l);
    /* command: trimmed equality or wildcard */
    job_select_command(t, "get-date", &l);
    CHECK_STR(names(&l), "3:Build,");
    job_list_free(&l);
    job_select_command(t, "  *Get-Ch*  ", &l);
    CHECK_STR(names(&l), "5:Job5,");
    job_list_free(&l);
    job_select_command(t, "Get-*", &l);
    CHECK_STR(names(&l), "1:Job1,3:Build,5:Job5,");
    job_list_free(&l);
    job_select_all(t, &l);
    CHECK_STR(names(&l), "1:Job1,3:Build,5:Job5,");
    job_list_free(&l);
    job_table_unref(t);
}

static void test_get_filters(void)
{
    JobTable *t = table();
    Job *a = start_job(t, NULL, "a"); /* 1 (+2) */
    Job *b = start_job(t, NULL, "b"); /* 3 (+4) */
    Job *c = start_job(t, NULL, "c"); /* 5 (+6) */
    run(child(a));
    clk.secs = 10;
    finish(child(a), JOB_COMPLETED); /* ends at +10 with no data */
    run(child(c));
    say(child(c), JOB_OUTPUT, "x");
    clk.secs = 20;
    finish(child(c), JOB_COMPLETED); /* ends at +20 with data */
    JobList l = {0};
    job_select_all(t, &l);
    JobState only = JOB_COMPLETED;
    job_list_add_children(&l, &only);
    job_list_sort(&l);
    CHECK_STR(names(&l), "1:Job1,2:Job2,3:Job3,5:Job5,6:Job6,");
    job_list_free(&l);
    job_select_all(t, &l);
    job_list_add_children(&l, NULL);
    job_list_sort(&l);
    CHECK_STR(names(&l), "1:Job1,2:Job2,3:Job3,4:Job4,5:Job5,6:Job6,");
    job_list_keep_more_data(&l, 0);
    CHECK_STR(names(&l), "1:Job1,2:Job2,");
    job_list_free(&l);
    job_select_all(t, &l);
    job_list_keep_more_data(&l, 1);
    CHECK_STR(names(&l), "3:Job3,5:Job5,");
    job_list_free(&l);
    job_select_all(t, &l);
    job_list_keep_ended(&l, 1, base_ticks() + 150000000, 0, 0);
    CHECK_STR(names(&l), "1:Job1,"); /* running jobs have no end time */
    job_list_free(&l);
    job_select_all(t, &l);
    job_list_keep_ended(&l, 0, 0, 1, base_ticks() + 100000000);
    CHECK_STR(names(&l), "5:Job5,"); /* strictly after */
    job_list_free(&l);
    job_select_all(t, &l);
    job_list_keep_newest(&l, 2);
    CHECK_STR(names(&l), "5:Job5,1:Job1,");
    job_list_sort(&l);
    CHECK_STR(names(&l), "1:Job1,5:Job5,");
    job_list_free(&l);
    (void)b;
    job_table_unref(t);
}

/* ======================================================================== Remove-Job */

static void test_remove(void)
{
    JobTable *t = table();
    Job *a = start_job(t, NULL, "a");    /* 1 (+2), running */
    Job *b = start_job(t, "Named", "b"); /* 3 (+4), running */
    JobError e = {0};
    CHECK(!job_table_remove(t, a, JOB_RM_ID, 0, &e));
    CHECK_STR(e.id, "JobObjectNotFinishedCannotBeRemoved");
    CHECK_STR(e.category, "InvalidOperation");
    CHECK_STR(e.message, "The command cannot remove the job with the job ID 1 because the job is "
                         "not finished. To remove the job, first stop the job, or use the Force "
                         "parameter. (Parameter 'SessionId')");
    CHECK(job_from_value(e.target) == a);
    job_error_clear(&e);
    CHECK(!job_table_remove(t, a, JOB_RM_JOB, 0, &e));
    CHECK_STR(e.message, "The command cannot remove the job with the job ID 1 because the job is "
                         "not finished. To remove the job, first stop the job, or use the Force "
                         "parameter. (Parameter 'Job')");
    job_error_clear(&e);
    CHECK(!job_table_remove(t, b, JOB_RM_NAME, 0, &e));
    CHECK_STR(e.message, "The command cannot remove the job with the job ID 3 and the name Named "
                         "because the job is not finished. To remove the job, first stop the job, "
                         "or use the Force parameter. (Parameter 'Name')");
    job_error_clear(&e);
    CHECK(!job_table_remove(t, b, JOB_RM_INSTANCEID, 0, &e));
    CHECK_STR(e.message, "The command cannot remove the job with the job ID 3 and the instance "
                         "identifier 00000000-0000-4000-8000-000000000003 because the job is not "
                         "finished. To remove the job, first stop the job or use the Force "
                         "parameter. (Parameter 'InstanceId')");
    job_error_clear(&e);
    CHECK(job_table_count(t) == 2 && job_state(a) == JOB_RUNNING);
    /* a child job cannot be removed; with -Force it is stopped first */
    CHECK(!job_table_remove(t, child(b), JOB_RM_ID, 0, &e));
    CHECK_STR(e.id, "CannotRemoveJob");
    CHECK_STR(e.message, "The command cannot remove the job because it does not exist or because "
                         "it is a child job. Child jobs can be removed only by removing the "
                         "parent job.");
    job_error_clear(&e);
    CHECK(job_state(child(b)) == JOB_NOTSTARTED);
    CHECK(!job_table_remove(t, child(b), JOB_RM_ID, 1, &e));
    CHECK(job_state(child(b)) == JOB_STOPPED);
    job_error_clear(&e);
    /* -Force: stop, then remove and dispose */
    Job *keep = job_ref(a);
    run(child(a));
    say(child(a), JOB_OUTPUT, "data");
    CHECK(job_table_remove(t, a, JOB_RM_ID, 1, &e));
    CHECK(job_state(keep) == JOB_STOPPED && job_disposed(keep));
    CHECK(job_stream_count(child(keep), JOB_OUTPUT) == 0);
    CHECK_STR(receive(keep, 0, 0), "");
    CHECK(job_table_count(t) == 1);
    /* removing it again: it no longer exists */
    CHECK(!job_table_remove(t, keep, JOB_RM_JOB, 0, &e));
    CHECK_STR(e.id, "CannotRemoveJob");
    job_error_clear(&e);
    job_unref(keep);
    /* -State and -Command have no finished check (and no -Force) */
    CHECK(!job_remove_has_force(JOB_RM_STATE) && !job_remove_has_force(JOB_RM_COMMAND));
    CHECK(job_remove_has_force(JOB_RM_ID) && job_remove_has_force(JOB_RM_NAME));
    Job *th = thread_job(t, "t");
    run(th);
    CHECK(job_table_remove(t, th, JOB_RM_STATE, 0, &e));
    CHECK(job_table_count(t) == 1);
    /* finished jobs go without -Force */
    run(child(b));
    finish(child(b), JOB_COMPLETED);
    CHECK(job_state(b) == JOB_STOPPED || job_state(b) == JOB_COMPLETED);
    CHECK(job_table_remove(t, b, JOB_RM_NAME, 0, &e));
    CHECK(job_table_count(t) == 0);
    job_table_unref(t);
}

static void test_wait(void)
{
    JobTable *t = table();
    Job *a = start_job(t, NULL, "a"), *b = start_job(t, NULL, "b");
    Job *both[] = {a, b}, *ba[] = {b, a};
    size_t first = 99;
    CHECK(job_wait_check(both, 0, 0, 0, &first) == JOB_WAIT_DONE); /* nothing to wait for */
    CHECK(job_wait_check(both, 2, 0, 0, &first) == JOB_WAIT_PENDING);
    CHECK(job_wait_check(both, 2, 1, 0, &first) == JOB_WAIT_PENDING);
    run(child(b));
    finish(child(b), JOB_COMPLETED);
    CHECK(job_wait_check(both, 2, 0, 0, &first) == JOB_WAIT_PENDING);
    CHECK(job_wait_check(both, 2, 1, 0, &first) == JOB_WAIT_DONE && first == 1);
    /* Blocked: deadlock without -Any; with -Any only when all are blocked */
    run(child(a));
    job_set_state(child(a), JOB_BLOCKED, val_null());
    CHECK(job_state(a) == JOB_BLOCKED);
    CHECK(job_wait_check(both, 2, 0, 0, &first) == JOB_WAIT_DEADLOCK);
    CHECK(job_wait_check(both, 2, 1, 0, &first) == JOB_WAIT_DONE);
    CHECK(job_wait_check(both, 1, 1, 0, &first) == JOB_WAIT_DEADLOCK);
    /* Disconnected is persistent: done, with the warning, unless -Force */
    run(child(a));
    job_set_state(child(a), JOB_DISCONNECTED, val_null());
    CHECK(job_state(a) == JOB_DISCONNECTED);
    CHECK(job_wait_check(ba, 2, 0, 0, &first) == JOB_WAIT_DONE && job_wait_warns(ba, 2));
    CHECK(job_wait_check(ba, 2, 0, 1, &first) == JOB_WAIT_PENDING);
    first = 99;
    CHECK(job_wait_check(ba, 2, 1, 0, &first) == JOB_WAIT_DONE && first == 0); /* supplied order */
    CHECK(job_wait_is_done(a, 0) && !job_wait_is_done(a, 1));
    run(child(a));
    finish(child(a), JOB_COMPLETED);
    CHECK(job_state(a) == JOB_COMPLETED);
    CHECK(job_wait_check(both, 2, 0, 1, &first) == JOB_WAIT_DONE && !job_wait_warns(both, 2));
    job_table_unref(t);
}

static void test_messages(void)
{
    JobTable *t = table();
    Job *a = start_job(t, NULL, " Get-Date ");
    char *s = job_stop_target(a);
    CHECK_STR(s, "Remote Command:  Get-Date , associated with a job that has an ID of \"1\".");
    free(s);
    s = job_remove_target(a);
    CHECK_STR(s, "Remote Command:  Get-Date , associated with the job that has an ID of \"1\".");
    free(s);
    CHECK_STR(job_msg_text(JOB_MSG_WAIT_KEEP),
              "The Wait and Keep parameters cannot be used together in the same command.");
    CHECK_STR(job_msg_text(JOB_MSG_AUTOREMOVE_NOWAIT),
              "The -AutoRemoveJob parameter cannot be used without the -Wait parameter");
    CHECK_STR(job_msg_text(JOB_MSG_FORCE_NOWAIT),
              "The -Force parameter cannot be used without the -Wait parameter.");
    CHECK_STR(job_msg_id(JOB_MSG_WAIT_DEADLOCK), "BlockedJobsDeadlockWithWaitJob");
    CHECK(strstr(job_msg_text(JOB_MSG_WAIT_DEADLOCK), "interaction.  Process") != NULL);
    CHECK_STR(job_msg_id(JOB_MSG_SESSION), "RunspaceParameterNotSupported");
    CHECK_STR(job_msg_text(JOB_MSG_COUNT), "");
    job_table_unref(t);
}

/* ======================================================================== display */

static char fmt_text[8192];

static const char *show(JobTable *t, const Job *const *jobs, size_t n, FmtShape shape, int w)
{
    Value vals[8];
    for (size_t i = 0; i < n; i++)
        vals[i] = job_value((Job *)jobs[i]);
    FmtOptions o;
    fmt_options_init(&o);
    o.shape = shape;
    o.width = w;
    StrBuf sb = {0};
    fmt_values(&o, vals, n, &sb);
    snprintf(fmt_text, sizeof fmt_text, "%s", sb_str(&sb));
    sb_free(&sb);
    for (size_t i = 0; i < n; i++)
        val_unref(vals[i]);
    (void)t;
    return fmt_text;
}

#define HEAD                                                                                       \
    "Id     Name            PSJobTypeName   State         HasMoreData     Location             "   \
    "Command\n"                                                                                    \
    "--     ----            -------------   -----         -----------     --------             "   \
    "-------\n"

static void test_table_view(void)
{
    job_register_views();
    job_register_views(); /* once only */
    JobTable *t = table();
    /* jobs.md 5.2 (a): Get-Job.md example 1 */
    Job *a = start_job(t, NULL, " $Env:COMPUTERNAME");
    run(child(a));
    say(child(a), JOB_OUTPUT, "HOST");
    finish(child(a), JOB_COMPLETED);
    const Job *one[] = {a};
    CHECK_STR(show(t, one, 1, FMT_AUTO, 120),
              "\n" HEAD "1      Job1            BackgroundJob   Completed     True            "
              "localhost             $Env:COMPUTERNAME\n\n");
    /* 5.2 (b) without the PSComputerName column: '…' truncation at 25 */
    Job *b = start_job(t, NULL, "Get-EventLog -LogName System");
    /* derived sample: Start-Job { 1 + 1 }, the value's spaces kept */
    Job *c = start_job(t, NULL, " 1 + 1 ");
    /* a block that starts with a newline shows just '…' */
    Job *d = start_job(t, NULL, "\n  Get-Date\n");
    const Job *more[] = {b, c, d};
    CHECK_STR(show(t, more, 3, FMT_TABLE, 120),
              "\n" HEAD
              "3      Job3            BackgroundJob   Running       True            localhost"
              "            Get-EventLog -LogName Sy\xE2\x80\xA6\n"
              "5      Job5            BackgroundJob   Running       True            localhost"
              "             1 + 1 \n"
              "7      Job7            BackgroundJob   Running       True            localhost"
              "            \xE2\x80\xA6\n\n");
    /* 5.2 (c) thread jobs (real widths): Location PowerShell, queued NotStarted False */
    Job *t1 = thread_job(t, "1..100 | % { sleep 1; $_ }");
    Job *t2 = thread_job(t, "1..100 | % { sleep 1; $_ }");
    run(t1);
    say(t1, JOB_OUTPUT, "1");
    const Job *tj[] = {t1, t2};
    CHECK_STR(show(t, tj, 2, FMT_AUTO, 120),
              "\n" HEAD "9      Job9            ThreadJob       Running       True            "
              "PowerShell           1..100 | % { sleep 1; $_\xE2\x80\xA6\n"
              "10     Job10           ThreadJob       NotStarted    False           "
              "PowerShell           1..100 | % { sleep 1; $_\xE2\x80\xA6\n\n");
    job_table_unref(t);
}

static void test_table_children(void)
{
    job_register_views();
    JobTable *t = table();
    Job *a = start_job(t, NULL, ".\\Get-Archive.ps1"); /* 1 (+2) */
    run(child(a));
    say(child(a), JOB_OUTPUT, "x");
    finish(child(a), JOB_COMPLETED);
    const char *locs[] = {"Server01", "Server02"};
    Job *r = remote_job(t, NULL, ".\\Get-Archive.ps1", 2, locs); /* 3 (+4, 5) */
    run(job_child_at(r, 0));
    Value why = val_str("no route");
    job_set_state(job_child_at(r, 0), JOB_FAILED, why);
    val_unref(why);
    run(job_child_at(r, 1));
    say(job_child_at(r, 1), JOB_OUTPUT, "y");
    finish(job_child_at(r, 1), JOB_COMPLETED);
    /* Get-Job -IncludeChildJob, jobs.md 5.2 (d) with the real widths and joined Location */
    JobList l = {0};
    job_select_all(t, &l);
    job_list_add_children(&l, NULL);
    job_list_sort(&l);
    CHECK_STR(show(t, (const Job *const *)l.items, l.len, FMT_AUTO, 120),
              "\n" HEAD
              "1      Job1            BackgroundJob   Completed     True            localhost"
              "            .\\Get-Archive.ps1\n"
              "2      Job2                            Completed     True            localhost"
              "            .\\Get-Archive.ps1\n"
              "3      Job3            RemoteJob       Failed        True            "
              "Server01,Server02    .\\Get-Archive.ps1\n"
              "4      Job4                            Failed        False           Server01"
              "             .\\Get-Archive.ps1\n"
              "5      Job5                            Completed     True            Server02"
              "             .\\Get-Archive.ps1\n\n");
    /* an 80-column console (79 usable): Command hidden, Location cut to 10 */
    const Job *two[] = {a, r};
    CHECK_STR(show(t, two, 2, FMT_AUTO, 79),
              "\nId     Name            PSJobTypeName   State         HasMoreData     Location\n"
              "--     ----            -------------   -----         -----------     --------\n"
              "1      Job1            BackgroundJob   Completed     True            localhost\n"
              "3      Job3            RemoteJob       Failed        True            "
              "Server01,\xE2\x80\xA6\n\n");
    job_list_free(&l);
    job_table_unref(t);
}

/* Trailing blanks removed from every line (the docs' samples have none). */
static const char *rstrip_lines(const char *s)
{
    static char out[8192];
    size_t n = 0;
    for (const char *p = s; *p && n + 1 < sizeof out; p++) {
        if (*p == '\n')
            while (n && out[n - 1] == ' ')
                n--;
        out[n++] = *p;
    }
    out[n] = '\0';
    return out;
}

static void test_list_view(void)
{
    JobTable *t = table();
    for (int i = 0; i < 17; i++)
        job_table_next_id(t); /* so the job is Id 18, as in the sample */
    guids = 0;
    job_table_set_guid(t, test_guid, &guids);
    Job *a = start_job(t, NULL, "Get-WinEvent -Log System");
    run(child(a));
    say(child(a), JOB_OUTPUT, "event");
    clk.secs = 10;
    finish(child(a), JOB_COMPLETED);
    const Job *one[] = {a};
    /* jobs.md 5.2 (e), Start-Job.md example 4, with en-US dates and our GUID */
    CHECK_STR(rstrip_lines(show(t, one, 1, FMT_LIST, 120)),
              "\n"
              "State         : Completed\n"
              "HasMoreData   : True\n"
              "StatusMessage :\n"
              "Location      : localhost\n"
              "Command       : Get-WinEvent -Log System\n"
              "JobStateInfo  : Completed\n"
              "Finished      : System.Threading.ManualResetEvent\n"
              "InstanceId    : 00000000-0000-4000-8000-000000000001\n"
              "Id            : 18\n"
              "Name          : Job18\n"
              "ChildJobs     : {Job19}\n"
              "PSBeginTime   : 8/8/2019 2:41:57 PM\n"
              "PSEndTime     : 8/8/2019 2:42:07 PM\n"
              "PSJobTypeName : BackgroundJob\n"
              "Output        : {}\n"
              "Error         : {}\n"
              "Progress      : {}\n"
              "Verbose       : {}\n"
              "Debug         : {}\n"
              "Warning       : {}\n"
              "Information   : {}\n"
              "\n");
    /* the child: empty type name, StatusMessage "", its own Output */
    const Job *c[] = {child(a)};
    const char *txt = show(t, c, 1, FMT_LIST, 120);
    CHECK(strstr(txt, "ChildJobs     : {}\n") != NULL);
    CHECK(strstr(txt, "Output        : {event}\n") != NULL);
    CHECK(strstr(txt, "PSJobTypeName : \n") != NULL);
    CHECK(strstr(txt, "Name          : Job19\n") != NULL);
    /* about_Job_Details: Format-List Name, ChildJobs of an -AsJob parent */
    const char *locs[] = {"A", "B", "C"};
    Job *r = remote_job(t, NULL, "x", 3, locs);
    Value rv = job_value(r), cj;
    CHECK(val_get_prop(rv, "ChildJobs", 9, &cj));
    FmtOptions o;
    fmt_options_init(&o);
    StrBuf sb = {0};
    fmt_values(&o, &cj, 1, &sb);
    CHECK_STR(sb_str(&sb),
              "\n" HEAD "21     Job21                           NotStarted    True            A"
              "                    x\n"
              "22     Job22                           NotStarted    True            B"
              "                    x\n"
              "23     Job23                           NotStarted    True            C"
              "                    x\n\n");
    sb_free(&sb);
    val_unref(cj);
    val_unref(rv);
    job_table_unref(t);
}

/* ======================================================================== lifetime */

static void test_lifetime(void)
{
    /* a job outliving its table's owner, and a second owner (a thread job's runspace) */
    JobTable *t = table();
    JobTable *t2 = job_table_ref(t);
    Job *a = job_ref(start_job(t, NULL, "x"));
    job_table_unref(t);
    CHECK(job_table_count(t2) == 1);
    CHECK(job_state(a) == JOB_RUNNING);
    job_table_unref(t2); /* the last owner stops the jobs */
    CHECK(job_state(a) == JOB_STOPPED);
    CHECK(job_id(a) == 1);
    job_unref(a);
    job_unref(NULL);
    job_table_unref(NULL);
    /* a job never added to a table */
    JobTable *t3 = table();
    JobSpec s = {JOB_KIND_THREAD, "loose", "x", NULL, 0};
    Job *j = job_new(t3, &s);
    job_table_add(t3, j);
    job_table_add(t3, j); /* a second add is ignored */
    CHECK(job_table_count(t3) == 1);
    CHECK(job_table_detach(t3, j) && !job_table_detach(t3, j));
    job_table_unref(t3);
    CHECK_STR(job_name(j), "loose");
    job_unref(j);
}

/* ======================================================================== threads */

enum { NRECORDS = 2000 };

/* A thread backend's worker: fresh values handed over with the *_take forms. */
static void *worker(void *arg)
{
    Job *j = arg;
    job_set_state_take(j, JOB_RUNNING, val_null());
    for (int i = 0; i < NRECORDS; i++) {
        char buf[16];
        snprintf(buf, sizeof buf, "%d", i);
        job_deliver_take(j, i % 3 ? JOB_OUTPUT : JOB_ERROR, val_str(buf));
    }
    job_set_state_take(j, JOB_FAILED, val_str("worker done"));
    return NULL;
}

typedef struct Tally {
    int n, out_in_order, last_out;
} Tally;

static void tally(void *ctx, Job *from, JobStream s, Value v)
{
    Tally *t = ctx;
    if (s == JOB_ERROR && strcmp(val_str_data(v), "worker done") == 0) return;
    int k = atoi(val_str_data(v));
    if (s == JOB_OUTPUT) {
        t->out_in_order &= k > t->last_out;
        t->last_out = k;
    }
    t->n++;
}

/* The main thread drains while the worker delivers (jobs.md 2.5 partial results). */
static void test_threads(void)
{
    JobTable *t = table();
    Job *a = start_job(t, NULL, "worker");
    Job *th = thread_job(t, "worker");
    pthread_t w1, w2;
    pthread_create(&w1, NULL, worker, child(a));
    pthread_create(&w2, NULL, worker, th);
    Tally ta = {0, 1, -1}, tt = {0, 1, -1};
    uint64_t seen = 0;
    while (!job_state_is_finished(job_state(a)) || !job_state_is_finished(job_state(th))) {
        seen = job_table_wait(t, seen, 1000);
        job_receive(a, 0, tally, &ta);
        job_receive(th, 0, tally, &tt);
    }
    pthread_join(w1, NULL);
    pthread_join(w2, NULL);
    job_receive(a, 0, tally, &ta);
    job_receive(th, 0, tally, &tt);
    CHECK(ta.n == NRECORDS && ta.out_in_order);
    CHECK(tt.n == NRECORDS && tt.out_in_order);
    CHECK(job_state(a) == JOB_FAILED && job_state(th) == JOB_FAILED);
    CHECK(job_stream_count(child(a), JOB_OUTPUT) + job_stream_count(child(a), JOB_ERROR) ==
          NRECORDS);
    CHECK(!job_has_more_data(a) && !job_has_more_data(th));
    job_table_unref(t);
}

/* A thread job's runspace has a table of its own that takes Ids from the session's counter;
 * the session's Get-Job does not list its jobs, and ending that runspace stops them. */
static void test_linked_table(void)
{
    JobTable *t = table();
    JobTable *inner = job_table_new_linked(t);
    CHECK(job_table_root(inner) == t && job_table_root(t) == t);
    Job *a = thread_job(t, "outer");
    Job *b = start_job(inner, NULL, "inner");
    Job *c = thread_job(t, "next");
    CHECK(job_id(a) == 1 && job_id(b) == 2 && job_id(c) == 4); /* b's child took 3 */
    CHECK_STR(job_instance_id(b), "00000000-0000-4000-8000-000000000002"); /* t's GUIDs */
    CHECK(job_table_count(t) == 2 && job_table_count(inner) == 1);
    CHECK(job_table_at(inner, 0) == b);
    job_ref(b);
    job_table_unref(inner); /* the runspace ends: its unfinished jobs are stopped */
    CHECK(job_state(b) == JOB_STOPPED);
    CHECK(job_id(b) == 2);
    CHECK(job_table_next_id(t) == 5); /* the counter outlives the inner table */
    job_unref(b);
    job_table_unref(t);
}

int main(void)
{
    test_state_names();
    test_transitions();
    test_ids();
    test_random_guid();
    test_kinds();
    test_set_state();
    test_derive();
    test_stop();
    test_backend();
    test_throttle();
    test_output_notes();
    test_receive_noreason();
    test_guid_unique();
    test_has_more_data();
    test_receive();
    test_receive_kinds();
    test_receive_reentry();
    test_lookup();
    test_get_filters();
    test_remove();
    test_wait();
    test_messages();
    test_table_view();
    test_table_children();
    test_list_view();
    test_lifetime();
    test_threads();
    test_linked_table();
    return check_done();
}
