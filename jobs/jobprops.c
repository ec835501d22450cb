/*
** jobprops: the ObjClass hooks of job objects, JobStateInfo, the Finished wait handle and the
** "Job" table view.  See jobprops.h.
*/
#include "jobs/jobprops.h"

#include <pthread.h>
#include <string.h>

#include "jobs/jobpriv.h"
#include "runtime/array.h"
#include "runtime/errrec.h"
#include "runtime/fmt_view.h"
#include "runtime/members_kinds.h"
#include "runtime/mem.h"

/* ======================================================================== JobStateInfo */

typedef struct StateInfo {
    Obj obj;
    JobState state;
    Value name;   /* the state name as a string (State) */
    Value reason; /* Reason, $null when none */
} StateInfo;

static void info_free(Obj *o)
{
    StateInfo *si = (StateInfo *)o;
    val_unref(si->name);
    val_unref(si->reason);
}

static void info_to_string(Value self, StrBuf *out)
{
    sb_puts(out, job_state_name(((StateInfo *)self.as.o)->state));
}

static const char *const info_props[] = {"State", "Reason"};

static Value info_peek(Value self, size_t i)
{
    StateInfo *si = (StateInfo *)self.as.o;
    return i == 0 ? si->name : si->reason;
}

static int info_get(Value self, const char *name, size_t len, Value *out)
{
    for (size_t i = 0; i < 2; i++) {
        if (!str_ieq_slice(name, len, info_props[i])) continue;
        *out = val_ref(info_peek(self, i));
        return 1;
    }
    return 0;
}

static size_t info_nprops(Value self)
{
    return 2;
}

static void info_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    *name = info_props[i];
    *len = strlen(info_props[i]);
    *val = info_peek(self, i);
}

const ObjClass cls_jobstateinfo = {
    .name = "JobStateInfo",
    .full_name = "System.Management.Automation.JobStateInfo",
    .type = TY_OTHER,
    .free = info_free,
    .to_string = info_to_string,
    .get_prop = info_get,
    .nprops = info_nprops,
    .prop_at = info_prop_at,
};

/* pwsh's Reason is an Exception (JobStateInfo.Reason.Message is the error text), while a job
 * keeps the whole ErrorRecord (Receive-Job re-reports it): the record's .Exception is shown. */
Value jobprops_state_info(JobState s, Value reason)
{
    StateInfo *si = (StateInfo *)obj_alloc(&cls_jobstateinfo, sizeof *si);
    si->state = s;
    si->name = val_str(job_state_name(s));
    if (!errrec_is(reason) || !val_get_prop(reason, "Exception", 9, &si->reason))
        si->reason = val_ref(reason);
    return val_obj_take(&si->obj);
}

/* Job.Finished: only its type name is ever shown. */
static const ObjClass cls_waithandle = {
    .name = "ManualResetEvent",
    .full_name = "System.Threading.ManualResetEvent",
    .type = TY_OTHER,
};

/* ======================================================================== job properties */

/* X(id, Name) in the order Format-List shows them (jobs.md 5.3). */
#define JOB_PROPS(X)                                                                               \
    X(P_STATE, "State")                                                                            \
    X(P_HASMOREDATA, "HasMoreData")                                                                \
    X(P_STATUSMESSAGE, "StatusMessage")                                                            \
    X(P_LOCATION, "Location")                                                                      \
    X(P_COMMAND, "Command")                                                                        \
    X(P_JOBSTATEINFO, "JobStateInfo")                                                              \
    X(P_FINISHED, "Finished")                                                                      \
    X(P_INSTANCEID, "InstanceId")                                                                  \
    X(P_ID, "Id")                                                                                  \
    X(P_NAME, "Name")                                                                              \
    X(P_CHILDJOBS, "ChildJobs")                                                                    \
    X(P_PSBEGINTIME, "PSBeginTime")                                                                \
    X(P_PSENDTIME, "PSEndTime")                                                                    \
    X(P_PSJOBTYPENAME, "PSJobTypeName")                                                            \
    X(P_OUTPUT, "Output")                                                                          \
    X(P_ERROR, "Error")                                                                            \
    X(P_PROGRESS, "Progress")                                                                      \
    X(P_VERBOSE, "Verbose")                                                                        \
    X(P_DEBUG, "Debug")                                                                            \
    X(P_WARNING, "Warning")                                                                        \
    X(P_INFORMATION, "Information")

#define X_PROPENUM(id, name) id,
typedef enum JobProp { JOB_PROPS(X_PROPENUM) P__COUNT } JobProp;
#undef X_PROPENUM
#define X_NAME(id, name) name,
static const char *const prop_names[] = {JOB_PROPS(X_NAME)};
#undef X_NAME

_Static_assert(P__COUNT == JOB_NPROPS, "JOB_NPROPS must match JOB_PROPS");

static Job *self_job(Value self)
{
    return (Job *)self.as.o;
}

static Value opt_time(int has, int64_t ticks)
{
    return has ? val_datetime(ticks, 2) : val_null();
}

static Value children_value(const Job *j)
{
    Value a = arr_new(TY_OBJECT, j->nchildren);
    for (size_t i = 0; i < j->nchildren; i++)
        arr_push_take(a, job_value(j->children[i]));
    return a;
}

static Value stream_value(Job *j, JobStream s)
{
    if (s != JOB_OUTPUT || !j->has_notes) return arr_from(j->streams[s].items, j->streams[s].len);
    Value a = arr_new(TY_OBJECT, j->streams[s].len);
    for (size_t i = 0; i < j->streams[s].len; i++)
        arr_push_take(a, job_output_view(j, j->streams[s].items[i]));
    return a;
}

/* Property p of j: a new reference.  Lock held. */
static Value prop_value(Job *j, JobProp p)
{
    switch (p) {
    case P_STATE:
        return val_str(job_state_name(j->state));
    case P_HASMOREDATA:
        return val_bool(job_has_more_data(j));
    case P_STATUSMESSAGE:
        return j->status ? val_str_empty() : val_null();
    case P_LOCATION:
        return val_str(j->location);
    case P_COMMAND:
        return val_str(j->command);
    case P_JOBSTATEINFO:
        return jobprops_state_info(j->state, j->reason);
    case P_FINISHED:
        return val_obj_take(obj_alloc(&cls_waithandle, sizeof(Obj)));
    case P_INSTANCEID: {
        Value g; /* a System.Guid, so that it binds to -InstanceId by its type */
        return mkinds_guid_parse(j->guid, 36, &g) ? g : val_str(j->guid);
    }
    case P_ID:
        return val_int(j->id);
    case P_NAME:
        return val_str(j->name);
    case P_CHILDJOBS:
        return children_value(j);
    case P_PSBEGINTIME:
        return opt_time(j->has_begin, j->begin);
    case P_PSENDTIME:
        return opt_time(j->has_end, j->end);
    case P_PSJOBTYPENAME:
        return val_str(job_type_name(j));
    default:
        return stream_value(j, (JobStream)(p - P_OUTPUT));
    }
}

static int find_prop(const char *name, size_t len)
{
    for (int i = 0; i < P__COUNT; i++)
        if (str_ieq_slice(name, len, prop_names[i])) return i;
    return -1;
}

static int job_get(Value self, const char *name, size_t len, Value *out)
{
    int p = find_prop(name, len);
    if (p < 0) return 0;
    Job *j = self_job(self);
    /* pwsh's job objects change on their own; a process job reports through its pipe, read
     * here, so `while ($j.State -eq 'Running') { Start-Sleep 1 }` sees the job end (and a
     * throttled Invoke-Command child start) without Get-Job or Wait-Job in the loop. */
    job_poll(j);
    job_table_start_queued(j->table);
    job_table_lock(j->table);
    *out = prop_value(j, (JobProp)p);
    job_table_unlock(j->table);
    return 1;
}

/* Only Name is settable from scripts. */
static int job_set(Value self, const char *name, size_t len, Value v)
{
    if (!str_ieq_slice(name, len, "Name") || (!val_is_str(v) && !val_is_null(v))) return 0;
    job_set_name(self_job(self), val_is_null(v) ? NULL : val_str_data(v));
    return 1;
}

static size_t job_nprops(Value self)
{
    return P__COUNT;
}

/* The value is lent from a per-job cache refreshed on each call (the formatter borrows it). */
static void job_prop_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    Job *j = self_job(self);
    *name = prop_names[i];
    *len = strlen(prop_names[i]);
    job_table_lock(j->table);
    val_unref(j->pcache[i]);
    j->pcache[i] = prop_value(j, (JobProp)i);
    *val = j->pcache[i];
    job_table_unlock(j->table);
}

void jobprops_clear_cache(Job *j)
{
    for (size_t i = 0; i < JOB_NPROPS; i++) {
        val_unref(j->pcache[i]);
        j->pcache[i] = val_null();
    }
}

static void job_obj_free(Obj *o)
{
    jobpriv_free((Job *)o);
}

/* A job is reached from every runspace of the session: its count is atomic once shared, and
 * everything it holds is guarded by its table's lock, so there is nothing to mark (reading its
 * properties here would take a lock the job may not have yet). */
static void job_obj_share(Obj *o)
{
    (void)o;
}

#define JOB_CLASS(var, nm)                                                                         \
    static const ObjClass var = {                                                                  \
        .name = nm,                                                                                \
        .full_name = "System.Management.Automation." nm,                                           \
        .type = TY_OTHER,                                                                          \
        .free = job_obj_free,                                                                      \
        .share = job_obj_share,                                                                    \
        .get_prop = job_get,                                                                       \
        .set_prop = job_set,                                                                       \
        .nprops = job_nprops,                                                                      \
        .prop_at = job_prop_at,                                                                    \
    }

JOB_CLASS(cls_remoting_job, "PSRemotingJob");
JOB_CLASS(cls_child_job, "PSRemotingChildJob");
JOB_CLASS(cls_thread_job, "ThreadJob");

const ObjClass *jobprops_class(JobKind kind)
{
    static const ObjClass *const by_kind[] = {
        [JOB_KIND_BACKGROUND] = &cls_remoting_job,
        [JOB_KIND_REMOTE] = &cls_remoting_job,
        [JOB_KIND_CHILD] = &cls_child_job,
        [JOB_KIND_THREAD] = &cls_thread_job,
    };
    return by_kind[kind];
}

int job_value_is(Value v)
{
    Value b = val_base(v);
    return val_is(b, &cls_remoting_job) || val_is(b, &cls_child_job) || val_is(b, &cls_thread_job);
}

Job *job_from_value(Value v)
{
    return job_value_is(v) ? (Job *)val_base(v).as.o : NULL;
}

/* ======================================================================== the view */

/* ViewsOf_System_Management_Automation_Job: seven fixed, left-aligned columns (jobs.md 5.1). */
static const FmtColumn job_cols[] = {
    {.prop = "Id", .width = 6, .align = FMT_ALIGN_LEFT},
    {.prop = "Name", .width = 15, .align = FMT_ALIGN_LEFT},
    {.prop = "PSJobTypeName", .width = 15, .align = FMT_ALIGN_LEFT},
    {.prop = "State", .width = 13, .align = FMT_ALIGN_LEFT},
    {.prop = "HasMoreData", .width = 15, .align = FMT_ALIGN_LEFT},
    {.prop = "Location", .width = 20, .align = FMT_ALIGN_LEFT},
    {.prop = "Command", .width = 25, .align = FMT_ALIGN_LEFT},
};

static const FmtView job_view = {
    .name = "Job",
    .type_name = "System.Management.Automation.Job",
    .match = job_value_is,
    .shape = FMT_TABLE,
    .cols = job_cols,
    .ncols = sizeof job_cols / sizeof job_cols[0],
};

static pthread_once_t views_once = PTHREAD_ONCE_INIT;

static void register_views(void)
{
    fmt_view_register(&job_view);
}

void job_register_views(void)
{
    pthread_once(&views_once, register_views);
}
