/*
** jobtable: job selection, Get-Job's filters, Remove-Job's rules and the job error catalogue.
** See jobtable.h.  Messages follow RemotingErrorIdStrings.resx as quoted in jobs.md 6.
*/
#include "jobs/jobtable.h"

#include <stdlib.h>
#include <string.h>

#include "runtime/errrec.h"
#include "runtime/mem.h"
#include "runtime/strbuf.h"
#include "runtime/wildcard.h"

/* ======================================================================== lists */

void job_list_push(JobList *l, Job *j)
{
    for (size_t i = 0; i < l->len; i++)
        if (l->items[i] == j) return;
    ARRAY_PUSH(l->items, l->len, l->cap, job_ref(j));
}

void job_list_free(JobList *l)
{
    for (size_t i = 0; i < l->len; i++)
        job_unref(l->items[i]);
    free(l->items);
    l->items = NULL;
    l->len = l->cap = 0;
}

static int by_id(const void *a, const void *b)
{
    int x = job_id(*(Job *const *)a), y = job_id(*(Job *const *)b);
    return (x > y) - (x < y);
}

void job_list_sort(JobList *l)
{
    if (l->len > 1) qsort(l->items, l->len, sizeof *l->items, by_id);
}

/* Keep the items for which keep(j, ctx) holds, releasing the others. */
static void list_filter(JobList *l, int (*keep)(Job *j, const void *ctx), const void *ctx)
{
    size_t n = 0;
    for (size_t i = 0; i < l->len; i++) {
        if (keep(l->items[i], ctx))
            l->items[n++] = l->items[i];
        else
            job_unref(l->items[i]);
    }
    l->len = n;
}

/* ======================================================================== errors */

/* Per ErrorId: how the record is built (jobs.md 6). */
typedef struct ErrKind {
    const char *id;
    const char *category;
    ErrCategory cat;
    ExcKind exc;
} ErrKind;

static const ErrKind err_kinds[] = {
    {"JobWithSpecifiedSessionNotFound", "ObjectNotFound", ERRCAT_OBJECTNOTFOUND, EXC_ARGUMENT},
    {"JobWithSpecifiedNameNotFound", "ObjectNotFound", ERRCAT_OBJECTNOTFOUND, EXC_ARGUMENT},
    {"JobWithSpecifiedInstanceIdNotFound", "ObjectNotFound", ERRCAT_OBJECTNOTFOUND, EXC_ARGUMENT},
    {"JobObjectNotFinishedCannotBeRemoved", "InvalidOperation", ERRCAT_INVALIDOPERATION,
     EXC_ARGUMENT},
    {"CannotRemoveJob", "InvalidOperation", ERRCAT_INVALIDOPERATION, EXC_ARGUMENT},
};

enum { E_ID, E_NAME, E_INSTANCEID, E_NOTFINISHED, E_CHILD };

/* Fill *err with kind k, an owned message and target (stored as a new reference). */
static void set_error(JobError *err, int k, char *msg, Value target)
{
    err->id = err_kinds[k].id;
    err->category = err_kinds[k].category;
    err->message = msg;
    err->target = val_ref(target);
}

void job_error_clear(JobError *e)
{
    free(e->message);
    val_unref(e->target);
    memset(e, 0, sizeof *e);
    e->target = val_null();
}

char *job_error_fqid(const JobError *e, const char *cmdlet)
{
    StrBuf sb = {0};
    sb_printf(&sb, "%s,Microsoft.PowerShell.Commands.", e->id ? e->id : "");
    for (const char *p = cmdlet; *p; p++)
        if (*p != '-') sb_putc(&sb, *p);
    sb_puts(&sb, "Command");
    return sb_take(&sb);
}

static const ErrKind *kind_of(const char *id)
{
    for (size_t i = 0; i < sizeof err_kinds / sizeof err_kinds[0]; i++)
        if (id && strcmp(err_kinds[i].id, id) == 0) return &err_kinds[i];
    return NULL;
}

/* The exception kinds psmini has are coarser than pwsh's (PSArgumentException maps to
 * ArgumentException); message, FullyQualifiedErrorId, category and target are exact. */
Value job_error_record(const JobError *e, const char *cmdlet)
{
    return job_error_record_at(e, cmdlet, NULL, 0, 0);
}

Value job_error_record_at(const JobError *e, const char *cmdlet, struct Program *prog,
                          uint32_t start, uint32_t end)
{
    const ErrKind *k = kind_of(e->id);
    char *fqid = job_error_fqid(e, cmdlet);
    ErrInit init = {
        .msg = e->message ? e->message : "",
        .id = fqid,
        .exc = k ? k->exc : EXC_INVALIDOP,
        .inner = k ? k->exc : EXC_INVALIDOP,
        .cat = k ? k->cat : ERRCAT_INVALIDOPERATION,
        .command = cmdlet,
        .prog = prog,
        .start = start,
        .end = end,
    };
    Value rec = errrec_new(&init);
    free(fqid);
    if (!val_is_null(e->target)) errrec_set_target(rec, e->target);
    return rec;
}

static char *fmt_msg(const char *fmt, int id, const char *s)
{
    StrBuf sb = {0};
    if (s)
        sb_printf(&sb, fmt, id, s);
    else
        sb_printf(&sb, fmt, id);
    return sb_take(&sb);
}

/* ======================================================================== selection */

void job_select_all(JobTable *t, JobList *out)
{
    for (size_t i = 0; i < job_table_count(t); i++)
        job_list_push(out, job_table_at(t, i));
}

static Job *find_id_in(Job *j, int id)
{
    for (size_t i = 0; i < job_child_count(j); i++) {
        Job *c = job_child_at(j, i);
        if (job_id(c) == id) return c;
        Job *deep = find_id_in(c, id);
        if (deep) return deep;
    }
    return NULL;
}

/* Top-level jobs first, then each family's children: the order JobCmdletBase searches in. */
Job *job_table_find_id(JobTable *t, int id)
{
    size_t n = job_table_count(t);
    for (size_t i = 0; i < n; i++)
        if (job_id(job_table_at(t, i)) == id) return job_table_at(t, i);
    for (size_t i = 0; i < n; i++) {
        Job *c = find_id_in(job_table_at(t, i), id);
        if (c) return c;
    }
    return NULL;
}

int job_select_id(JobTable *t, int id, JobList *out, JobError *err)
{
    Job *j = job_table_find_id(t, id);
    if (j) {
        job_list_push(out, j);
        return 1;
    }
    const char *fmt = "The command cannot find a job with the job ID %d. Verify the value of the "
                      "Id parameter and then try the command again.";
    set_error(err, E_ID, fmt_msg(fmt, id, NULL), val_int(id));
    return 0;
}

/* A Name matcher: a compiled wildcard, or a plain case-insensitive compare for a bad one. */
typedef struct NameMatch {
    Wildcard *w;
    const char *lit;
} NameMatch;

static int name_matches(const NameMatch *m, const char *name)
{
    return m->w ? wildcard_test(m->w, name, strlen(name)) : str_icmp(name, m->lit) == 0;
}

/* Pre-order: j, then (when deep) its children. */
static size_t collect_names(Job *j, const NameMatch *m, int deep, JobList *out)
{
    size_t n = 0;
    if (name_matches(m, job_name(j))) {
        job_list_push(out, j);
        n++;
    }
    for (size_t i = 0; deep && i < job_child_count(j); i++)
        n += collect_names(job_child_at(j, i), m, deep, out);
    return n;
}

/* WildcardPattern semantics: a pattern with no wildcard characters is still matched through
 * the compiled pattern (so backtick escapes work), but only it reports "not found". */
int job_select_name(JobTable *t, const char *pat, int children, JobList *out, JobError *err)
{
    char *bad = NULL;
    NameMatch m = {wildcard_compile(pat, strlen(pat), 1, &bad), pat};
    free(bad);
    size_t n = 0;
    for (size_t i = 0; i < job_table_count(t); i++)
        n += collect_names(job_table_at(t, i), &m, children, out);
    wildcard_free(m.w);
    if (n || wildcard_has_meta(pat, strlen(pat))) return 1;
    StrBuf sb = {0};
    sb_printf(&sb,
              "The command cannot find the job because the job name %s was not found. Verify "
              "the value of the Name parameter, and then try the command again.",
              pat);
    Value target = val_str(pat);
    set_error(err, E_NAME, sb_take(&sb), target);
    val_unref(target);
    return 0;
}

/* GUID text without surrounding braces, compared case-insensitively. */
static int guid_equal(const char *a, const char *pat)
{
    size_t len = strlen(pat);
    if (len == 38 && pat[0] == '{' && pat[37] == '}') return str_nicmp(a, pat + 1, 36) == 0;
    return len == 36 && str_nicmp(a, pat, 36) == 0;
}

static Job *find_guid_in(Job *j, const char *guid)
{
    if (guid_equal(job_instance_id(j), guid)) return j;
    for (size_t i = 0; i < job_child_count(j); i++) {
        Job *c = find_guid_in(job_child_at(j, i), guid);
        if (c) return c;
    }
    return NULL;
}

int job_select_instance_id(JobTable *t, const char *guid, JobList *out, JobError *err)
{
    size_t n = job_table_count(t);
    Job *found = NULL;
    for (size_t i = 0; i < n && !found; i++)
        if (guid_equal(job_instance_id(job_table_at(t, i)), guid)) found = job_table_at(t, i);
    for (size_t i = 0; i < n && !found; i++)
        found = find_guid_in(job_table_at(t, i), guid);
    if (found) {
        job_list_push(out, found);
        return 1;
    }
    StrBuf sb = {0};
    sb_printf(&sb,
              "The command cannot find a job with the instance identifier %s. Verify the value "
              "of the InstanceId parameter, and then try the command again.",
              guid);
    Value target = val_str(guid);
    set_error(err, E_INSTANCEID, sb_take(&sb), target);
    val_unref(target);
    return 0;
}

void job_select_state(JobTable *t, JobState s, JobList *out)
{
    for (size_t i = 0; i < job_table_count(t); i++)
        if (job_state(job_table_at(t, i)) == s) job_list_push(out, job_table_at(t, i));
}

/* s[0..*len) without leading/trailing white space (String.Trim, ASCII). */
static const char *trim(const char *s, size_t *len)
{
    size_t n = strlen(s);
    while (n && strchr(" \t\r\n\v\f", *s)) {
        s++;
        n--;
    }
    while (n && strchr(" \t\r\n\v\f", s[n - 1]))
        n--;
    *len = n;
    return s;
}

static int command_matches(const char *cmd, const char *p, size_t plen)
{
    size_t clen;
    const char *c = trim(cmd, &clen);
    if (clen == plen && str_nicmp(c, p, plen) == 0) return 1;
    char *bad = NULL;
    int m = wildcard_match(p, plen, c, clen, 1, &bad);
    free(bad);
    return m == 1;
}

/* Both sides are trimmed first: Start-Job stores "{ x }" as " x ", and users type "x". */
void job_select_command(JobTable *t, const char *pat, JobList *out)
{
    size_t plen;
    const char *p = trim(pat, &plen);
    for (size_t i = 0; i < job_table_count(t); i++) {
        Job *j = job_table_at(t, i);
        if (command_matches(job_command(j), p, plen)) job_list_push(out, j);
    }
}

void job_select_location(Job *j, const char *const *locs, size_t n, JobList *out)
{
    for (size_t i = 0; i < job_child_count(j); i++) {
        Job *c = job_child_at(j, i);
        for (size_t k = 0; k < n; k++) {
            if (str_icmp(job_location(c), locs[k]) == 0) {
                job_list_push(out, c);
                break;
            }
        }
        job_select_location(c, locs, n, out);
    }
}

/* ======================================================================== Get-Job filters */

void job_list_add_children(JobList *l, const JobState *only)
{
    size_t n = l->len;
    for (size_t i = 0; i < n; i++) {
        Job *p = l->items[i];
        for (size_t k = 0; k < job_child_count(p); k++) {
            Job *c = job_child_at(p, k);
            if (!only || job_state(c) == *only) job_list_push(l, c);
        }
    }
}

static int keep_more(Job *j, const void *ctx)
{
    return job_has_more_data(j) == *(const int *)ctx;
}

void job_list_keep_more_data(JobList *l, int want)
{
    want = want != 0;
    list_filter(l, keep_more, &want);
}

typedef struct EndRange {
    int has_before, has_after;
    int64_t before, after;
} EndRange;

static int keep_ended(Job *j, const void *ctx)
{
    const EndRange *r = ctx;
    int64_t end;
    if (!job_end_time(j, &end)) return 0;
    return (!r->has_before || end < r->before) && (!r->has_after || end > r->after);
}

void job_list_keep_ended(JobList *l, int has_before, int64_t before, int has_after, int64_t after)
{
    EndRange r = {has_before, has_after, before, after};
    list_filter(l, keep_ended, &r);
}

/* Newest first; jobs without an end time last; stable by Id. */
static int by_end_desc(const void *a, const void *b)
{
    Job *x = *(Job *const *)a, *y = *(Job *const *)b;
    int64_t ex = 0, ey = 0;
    int hx = job_end_time(x, &ex), hy = job_end_time(y, &ey);
    if (hx != hy) return hy - hx;
    if (ex != ey) return ex < ey ? 1 : -1;
    return by_id(a, b);
}

void job_list_keep_newest(JobList *l, size_t n)
{
    if (l->len > 1) qsort(l->items, l->len, sizeof *l->items, by_end_desc);
    while (l->len > n)
        job_unref(l->items[--l->len]);
}

/* ======================================================================== Remove-Job */

/* Per parameter set (jobs.md 3.7). */
typedef struct RemoveRule {
    int checks;      /* refuses unfinished jobs without -Force */
    int has_force;   /* -Force exists in the set */
    int extra;       /* message names: 0 none, 1 the job's name, 2 its instance id */
    const char *fmt; /* JobObjectNotFinishedCannotBeRemoved text */
} RemoveRule;

#define NOT_FINISHED "The command cannot remove the job with the job ID %d"
#define TO_REMOVE    " because the job is not finished. To remove the job, first stop the job"

static const RemoveRule remove_rules[] = {
    [JOB_RM_ID] = {1, 1, 0,
                   NOT_FINISHED TO_REMOVE ", or use the Force parameter. "
                                          "(Parameter 'SessionId')"},
    [JOB_RM_JOB] = {1, 1, 0,
                    NOT_FINISHED TO_REMOVE ", or use the Force parameter. "
                                           "(Parameter 'Job')"},
    [JOB_RM_NAME] = {1, 1, 1,
                     NOT_FINISHED " and the name %s" TO_REMOVE
                                  ", or use the Force parameter. (Parameter 'Name')"},
    [JOB_RM_INSTANCEID] = {1, 1, 2,
                           NOT_FINISHED " and the instance identifier %s" TO_REMOVE
                                        " or use the Force parameter. "
                                        "(Parameter 'InstanceId')"},
    [JOB_RM_STATE] = {0, 0, 0, NULL},
    [JOB_RM_COMMAND] = {0, 0, 0, NULL},
};

int job_remove_has_force(JobRemoveBy by)
{
    return remove_rules[by].has_force;
}

static int in_table(JobTable *t, Job *j)
{
    for (size_t i = 0; i < job_table_count(t); i++)
        if (job_table_at(t, i) == j) return 1;
    return 0;
}

/* The order of the checks is RemoveJob.cs's: a job that is not a top-level entry (a child, or
 * one already removed) is refused first, even with -Force (which only stops it); then the
 * finished check, which the -State and -Command sets skip, so they stop and remove running
 * jobs although they have no -Force. */
int job_table_remove(JobTable *t, Job *j, JobRemoveBy by, int force, JobError *err)
{
    const RemoveRule *r = &remove_rules[by];
    Value target = job_value(j);
    int ok = 0;
    if (job_parent(j) || !in_table(t, j)) {
        if (force && r->has_force) job_stop(j);
        set_error(err, E_CHILD,
                  xstrdup("The command cannot remove the job because it does not exist or "
                          "because it is a child job. Child jobs can be removed only by removing "
                          "the parent job."),
                  target);
    } else if (r->checks && !(force && r->has_force) && !job_state_is_finished(job_state(j))) {
        const char *extra = r->extra == 1 ? job_name(j) : r->extra == 2 ? job_instance_id(j) : NULL;
        set_error(err, E_NOTFINISHED, fmt_msg(r->fmt, job_id(j), extra), target);
    } else {
        job_dispose(j);
        job_table_detach(t, j);
        ok = 1;
    }
    val_unref(target);
    return ok;
}

static char *target_text(Job *j, const char *article)
{
    StrBuf sb = {0};
    sb_printf(&sb, "Remote Command: %s, associated with %s job that has an ID of \"%d\".",
              job_command(j), article, job_id(j));
    return sb_take(&sb);
}

char *job_stop_target(Job *j)
{
    return target_text(j, "a");
}

char *job_remove_target(Job *j)
{
    return target_text(j, "the");
}

/* ======================================================================== Wait-Job */

int job_wait_is_done(Job *j, int force)
{
    JobState s = job_state(j);
    return force ? job_state_is_finished(s) : job_state_is_persistent(s);
}

/* Blocked jobs cannot progress while Wait-Job holds the console: WaitJob.cs gives up on them
 * (any one without -Any, all of them with -Any) instead of waiting forever. */
JobWait job_wait_check(Job *const *jobs, size_t n, int any, int force, size_t *first)
{
    size_t done = 0, blocked = 0, first_done = n;
    for (size_t i = 0; i < n; i++) {
        if (job_state(jobs[i]) == JOB_BLOCKED) blocked++;
        if (!job_wait_is_done(jobs[i], force)) continue;
        if (first_done == n) first_done = i;
        done++;
    }
    if (any && done) {
        *first = first_done;
        return JOB_WAIT_DONE;
    }
    if (done == n) return JOB_WAIT_DONE;
    if (any ? blocked == n : blocked > 0) return JOB_WAIT_DEADLOCK;
    return JOB_WAIT_PENDING;
}

int job_wait_warns(Job *const *jobs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        JobState s = job_state(jobs[i]);
        if (s == JOB_SUSPENDED || s == JOB_DISCONNECTED) return 1;
    }
    return 0;
}

/* ======================================================================== messages */

static const struct {
    const char *id;
    const char *text;
} messages[JOB_MSG_COUNT] = {
    [JOB_MSG_WAIT_KEEP] = {"ParameterBindingFailed",
                           "The Wait and Keep parameters cannot be used together in the same "
                           "command."},
    [JOB_MSG_AUTOREMOVE_NOWAIT] = {"InvalidOperation", "The -AutoRemoveJob parameter cannot be "
                                                       "used without the -Wait parameter"},
    [JOB_MSG_WRITEEVENTS_NOWAIT] = {"InvalidOperation", "The WriteEvents parameter cannot be used "
                                                        "without the Wait parameter."},
    [JOB_MSG_WRITEJOB_NOWAIT] = {"InvalidOperation", "The -WriteJobInResults parameter cannot be "
                                                     "used without the -Wait parameter"},
    [JOB_MSG_FORCE_NOWAIT] = {"InvalidOperation",
                              "The -Force parameter cannot be used without the -Wait parameter."},
    [JOB_MSG_COMPUTERNAME] = {"ComputerNameParameterNotSupported",
                              "The command cannot retrieve the jobs of the specified computers. "
                              "The ComputerName parameter can be used only with jobs created by "
                              "using PowerShell remoting."},
    [JOB_MSG_SESSION] = {"RunspaceParameterNotSupported",
                         "The Session parameter can be used only with PSRemotingJob objects."},
    [JOB_MSG_WAIT_DEADLOCK] = {"BlockedJobsDeadlockWithWaitJob",
                               "The Wait-Job cmdlet cannot finish working, because one or more "
                               "jobs are blocked waiting for user interaction.  Process "
                               "interactive job output by using the Receive-Job cmdlet, and then "
                               "try again."},
    [JOB_MSG_WAIT_SUSPENDED] = {"", "One or more jobs are in a suspended or disconnected state, "
                                    "and cannot continue without additional user input.  Specify "
                                    "the -Force parameter to continue to a completed, failed, or "
                                    "stopped state."},
};

const char *job_msg_text(JobMsg m)
{
    return (unsigned)m < JOB_MSG_COUNT ? messages[m].text : "";
}

const char *job_msg_id(JobMsg m)
{
    return (unsigned)m < JOB_MSG_COUNT ? messages[m].id : "";
}
