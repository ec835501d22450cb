/*
** jobcmds: the job cmdlets (see jobcmds.h; jobs.md 3).  Every cmdlet is a raw command: its
** handler turns CmdCtx.rawargs back into BindArgs and binds them with a CmdDecl (runtime/
** binder.h) on the first process call, then binds each pipeline object.  The selection rules,
** Remove-Job's refusals and the error catalogue come from jobs/jobtable.h; starting, polling
** and waiting from jobs/jobrun.h.
*/
#include "cmdlets/jobcmds.h"

#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmdlets/location.h"
#include "cmdlets/registry.h"
#include "jobs/jobprops.h"
#include "jobs/jobrun.h"
#include "jobs/jobtable.h"
#include "runtime/array.h"
#include "runtime/binder.h"
#include "runtime/convert.h"
#include "runtime/eval.h"
#include "runtime/hashtable.h"
#include "runtime/members_kinds.h"
#include "runtime/mem.h"
#include "runtime/nettypes.h"
#include "runtime/object.h"
#include "runtime/scope.h"
#include "runtime/scriptblock.h"
#include "runtime/streams.h"
#include "runtime/strbuf.h"

#define NPARAMS(p) (int)(sizeof(p) / sizeof(p[0]))

/* ================================================================ the job table ==== */

/* Attach t (one owner reference, taken over) to I as its job table. */
static void table_attach(Interp *I, JobTable *t)
{
    I->jobs = t;
    I->jobs_release = job_table_close;
}

JobTable *jobcmds_table_of(Interp *I)
{
    if (!I->jobs) table_attach(I, job_table_new());
    return I->jobs;
}

JobTable *jobcmds_jobs(Interp *I)
{
    return I->jobs;
}

/* Thread jobs' runspaces: a fresh Interp with every cmdlet family (the thread backend gives
 * it a job table of its own that takes Ids from the session's one counter, when the job
 * starts). */
static Interp *thread_runspace(void *ctx)
{
    (void)ctx;
    Interp *I = interp_new();
    cmdlets_open_all(I);
    return I;
}

/* ================================================================ binder types ==== */

static const BindType t_job = {
    .name = "Job", .fullname = "System.Management.Automation.Job", .is = job_value_is};

static int is_guid(Value v)
{
    return val_is(v, &cls_guid);
}

static int guid_convert(Value v, Value *out, ConvError *err)
{
    if (val_is_str(v) && mkinds_guid_parse(val_str_data(v), val_str_len(v), out)) return 0;
    StrBuf sb = {0};
    convert_append_scalar(v, &sb);
    conv_fail(err, "InvalidCastParseTargetInvocation",
              "Cannot convert value \"%s\" to type \"System.Guid\". Error: \"Guid should contain "
              "32 digits with 4 dashes (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).\"",
              sb_str(&sb));
    sb_free(&sb);
    return -1;
}

static const BindType t_guid = {
    .name = "guid", .fullname = "System.Guid", .is = is_guid, .convert = guid_convert};

static const char *const jobstate_names[] = {
    "NotStarted", "Running",      "Completed",  "Failed",   "Stopped",      "Blocked",
    "Suspended",  "Disconnected", "Suspending", "Stopping", "AtBreakpoint", NULL};
static const BindType t_jobstate = {.name = "JobState",
                                    .fullname = "System.Management.Automation.JobState",
                                    .names = jobstate_names};

static const char *const auth_names[] = {
    "Default", "Basic",  "Negotiate", "NegotiateWithImplicitCredential",
    "Credssp", "Digest", "Kerberos",  NULL};
static const int auth_values[] = {0, 1, 2, 3, 4, 5, 6};
static const BindType t_auth = {.name = "AuthenticationMechanism",
                                .fullname = "System.Management.Automation.Runspaces."
                                            "AuthenticationMechanism",
                                .names = auth_names,
                                .values = auth_values};

static int is_version(Value v)
{
    return val_is(v, &cls_version);
}

/* A command argument 2.0 arrives as the Double 2: pwsh binds its text "2.0" (its message
 * says "The value 2.0 ..."), so a Double goes through its shortest text, with ".0" added
 * when that has no fraction. */
static int version_convert(Value v, Value *out, ConvError *err)
{
    int rc = -1;
    if (v.kind == VAL_DOUBLE) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.15g", v.as.d);
        if (!strpbrk(buf, ".eEn")) strcat(buf, ".0");
        Value s = val_str(buf);
        int r = version_convert(s, out, err);
        val_unref(s);
        return r;
    }
    if (!nettype_convert("version", 7, v, out, err, &rc)) return -1;
    return rc;
}

static const BindType t_version = {
    .name = "version", .fullname = "System.Version", .is = is_version, .convert = version_convert};

static const BindType t_session = {.name = "PSSession",
                                   .fullname = "System.Management.Automation.Runspaces.PSSession"};

/* ================================================================ declarations ==== */
/* pwsh's parameter sets (jobs.md 3); exported through jobcmds_decl for the binder tests. */

#define SID  "SessionIdParameterSet"
#define IID  "InstanceIdParameterSet"
#define NAME "NameParameterSet"
#define STAT "StateParameterSet"
#define CMDS "CommandParameterSet"
#define FILT "FilterParameterSet"
#define JOBS "JobParameterSet"
#define M    BP_MANDATORY
#define BV   BP_BYVALUE
#define BN   BP_BYPROP

#define GJ_COMMON                                                                                  \
    {                                                                                              \
        {SID, 0, 0}, {IID, 0, 0}, {NAME, 0, 0}, {STAT, 0, 0}, { CMDS, 0, 0 }                       \
    }

enum { GJ_ID, GJ_INCCHILD, GJ_CHILDSTATE, GJ_MOREDATA, GJ_BEFORE, GJ_AFTER, GJ_NEWEST,
       GJ_IID, GJ_NAME, GJ_STATE, GJ_COMMAND, GJ_FILTER };
static const ParamDecl getjob_params[] = {
    {.name = "Id", .type = TY_INT32, .is_array = 1, .in = {{SID, BIND_POS(0), BN}}},
    {.name = "IncludeChildJob", .type = TY_SWITCH, .in = GJ_COMMON},
    {.name = "ChildJobState", .ext = &t_jobstate, .in = GJ_COMMON},
    {.name = "HasMoreData", .type = TY_BOOL, .in = GJ_COMMON},
    {.name = "Before", .type = TY_DATETIME, .in = GJ_COMMON},
    {.name = "After", .type = TY_DATETIME, .in = GJ_COMMON},
    {.name = "Newest", .type = TY_INT32, .in = GJ_COMMON},
    {.name = "InstanceId", .ext = &t_guid, .is_array = 1, .in = {{IID, BIND_POS(0), M | BN}}},
    {.name = "Name", .type = TY_STRING, .is_array = 1, .in = {{NAME, BIND_POS(0), M | BN}}},
    {.name = "State", .ext = &t_jobstate, .in = {{STAT, BIND_POS(0), M | BN}}},
    {.name = "Command", .type = TY_STRING, .is_array = 1, .in = {{CMDS, 0, BN}}},
    {.name = "Filter", .type = TY_HASHTABLE, .in = {{FILT, BIND_POS(0), M | BN}}},
};
static const CmdDecl getjob_decl = {"Get-Job", "Microsoft.PowerShell.Commands.GetJobCommand",
                                    getjob_params, NPARAMS(getjob_params), SID, 0};

/* The selection parameters of Wait-, Stop- and Remove-Job, at indexes SEL_*. */
enum { SEL_ID, SEL_JOB, SEL_NAME, SEL_IID, SEL_STATE, SEL_FILTER, SEL_COUNT };
#define SEL_PARAMS                                                                                 \
    {.name = "Id", .type = TY_INT32, .is_array = 1, .in = {{SID, BIND_POS(0), M | BN}}},           \
        {.name = "Job", .ext = &t_job, .is_array = 1, .in = {{JOBS, BIND_POS(0), M | BV | BN}}},   \
        {.name = "Name", .type = TY_STRING, .is_array = 1, .in = {{NAME, BIND_POS(0), M | BN}}},   \
        {.name = "InstanceId", .ext = &t_guid, .is_array = 1, .in = {{IID, BIND_POS(0), M | BN}}}, \
        {.name = "State", .ext = &t_jobstate, .in = {{STAT, BIND_POS(0), M | BN}}},                \
    {                                                                                              \
        .name = "Filter", .type = TY_HASHTABLE, .in = { {FILT, BIND_POS(0), M | BN} }              \
    }

enum { WJ_ANY = SEL_COUNT, WJ_TIMEOUT, WJ_FORCE };
static const ParamDecl waitjob_params[] = {
    SEL_PARAMS,
    {.name = "Any", .type = TY_SWITCH},
    {.name = "Timeout", .aliases = "TimeoutSec", .type = TY_INT32, .range = {1, -1, INT_MAX}},
    {.name = "Force", .type = TY_SWITCH},
};
static const CmdDecl waitjob_decl = {"Wait-Job", "Microsoft.PowerShell.Commands.WaitJobCommand",
                                     waitjob_params, NPARAMS(waitjob_params), SID, 0};

enum { SJ_PASSTHRU = SEL_COUNT };
static const ParamDecl stopjob_params[] = {
    SEL_PARAMS,
    {.name = "PassThru", .type = TY_SWITCH},
};
static const CmdDecl stopjob_decl = {"Stop-Job", "Microsoft.PowerShell.Commands.StopJobCommand",
                                     stopjob_params, NPARAMS(stopjob_params), SID,
                                     BD_SHOULDPROCESS};

enum { RM_COMMAND = SEL_COUNT, RM_FORCE };
static const ParamDecl removejob_params[] = {
    SEL_PARAMS,
    {.name = "Command", .type = TY_STRING, .is_array = 1, .in = {{CMDS, BIND_POS(0), M | BN}}},
    {.name = "Force",
     .aliases = "F",
     .type = TY_SWITCH,
     .in = {{SID, 0, 0}, {JOBS, 0, 0}, {NAME, 0, 0}, {IID, 0, 0}, {FILT, 0, 0}}},
};
static const CmdDecl removejob_decl = {
    "Remove-Job", "Microsoft.PowerShell.Commands.RemoveJobCommand", removejob_params,
    NPARAMS(removejob_params), SID, BD_SHOULDPROCESS};

#define RJ_JOB(set)                                                                                \
    {                                                                                              \
        set, BIND_POS(0), M | BV | BN                                                              \
    }
enum { RJ_JOB, RJ_LOCATION, RJ_CN, RJ_SESSION, RJ_NAME, RJ_IID, RJ_ID, RJ_KEEP, RJ_NORECURSE,
       RJ_FORCE, RJ_WAIT, RJ_AUTOREMOVE, RJ_WRITEEVENTS, RJ_WRITEJOB };
static const ParamDecl receivejob_params[] = {
    {.name = "Job",
     .ext = &t_job,
     .is_array = 1,
     .in = {RJ_JOB("Location"), RJ_JOB("ComputerName"), RJ_JOB("Session")}},
    {.name = "Location", .type = TY_STRING, .is_array = 1, .in = {{"Location", BIND_POS(1), 0}}},
    {.name = "ComputerName",
     .aliases = "Cn",
     .type = TY_STRING,
     .is_array = 1,
     .in = {{"ComputerName", BIND_POS(1), BN}}},
    {.name = "Session", .ext = &t_session, .is_array = 1, .in = {{"Session", BIND_POS(1), 0}}},
    {.name = "Name", .type = TY_STRING, .is_array = 1, .in = {{NAME, BIND_POS(0), M | BN}}},
    {.name = "InstanceId", .ext = &t_guid, .is_array = 1, .in = {{IID, BIND_POS(0), M | BN}}},
    {.name = "Id", .type = TY_INT32, .is_array = 1, .in = {{SID, BIND_POS(0), M | BN}}},
    {.name = "Keep", .type = TY_SWITCH},
    {.name = "NoRecurse", .type = TY_SWITCH},
    {.name = "Force", .type = TY_SWITCH},
    {.name = "Wait", .type = TY_SWITCH},
    {.name = "AutoRemoveJob", .type = TY_SWITCH},
    {.name = "WriteEvents", .type = TY_SWITCH},
    {.name = "WriteJobInResults", .type = TY_SWITCH},
};
static const CmdDecl receivejob_decl = {
    "Receive-Job", "Microsoft.PowerShell.Commands.ReceiveJobCommand", receivejob_params,
    NPARAMS(receivejob_params), "Location", 0};

#define SJ_SCRIPT(pos, fl)                                                                         \
    {                                                                                              \
        {"ComputerName", pos, fl}, {"FilePathComputerName", pos, fl},                              \
        {                                                                                          \
            "LiteralFilePathComputerName", pos, fl                                                 \
        }                                                                                          \
    }
enum { ST_SB, ST_FILE, ST_LITERAL, ST_DEFNAME, ST_DEFPATH, ST_TYPE, ST_INIT, ST_NAME, ST_ARGS,
       ST_INPUT, ST_AUTH, ST_RUNAS32, ST_PSVERSION, ST_WORKDIR };
static const ParamDecl startjob_params[] = {
    {.name = "ScriptBlock",
     .aliases = "Command",
     .type = TY_SCRIPTBLOCK,
     .in = {{"ComputerName", BIND_POS(0), M}}},
    {.name = "FilePath", .type = TY_STRING, .in = {{"FilePathComputerName", BIND_POS(0), M}}},
    {.name = "LiteralPath",
     .aliases = "PSPath LP",
     .type = TY_STRING,
     .in = {{"LiteralFilePathComputerName", 0, M}}},
    {.name = "DefinitionName", .type = TY_STRING, .in = {{"DefinitionName", BIND_POS(0), M}}},
    {.name = "DefinitionPath", .type = TY_STRING, .in = {{"DefinitionName", BIND_POS(1), 0}}},
    {.name = "Type", .type = TY_STRING, .in = {{"DefinitionName", BIND_POS(2), 0}}},
    {.name = "InitializationScript", .type = TY_SCRIPTBLOCK, .in = SJ_SCRIPT(BIND_POS(1), 0)},
    {.name = "Name", .type = TY_STRING, .in = SJ_SCRIPT(0, BN)},
    {.name = "ArgumentList",
     .aliases = "Args",
     .type = TY_OBJECT,
     .is_array = 1,
     .in = SJ_SCRIPT(0, 0)},
    {.name = "InputObject", .type = TY_PSOBJECT, .in = SJ_SCRIPT(0, BV)},
    {.name = "Authentication", .ext = &t_auth, .in = SJ_SCRIPT(0, 0)},
    {.name = "RunAs32", .type = TY_SWITCH, .in = SJ_SCRIPT(0, 0)},
    {.name = "PSVersion", .ext = &t_version, .vflags = BV_NOTNULLOREMPTY, .in = SJ_SCRIPT(0, 0)},
    {.name = "WorkingDirectory", .type = TY_STRING, .vflags = BV_NOTNULLORWHITE},
};
static const CmdDecl startjob_decl = {"Start-Job", "Microsoft.PowerShell.Commands.StartJobCommand",
                                      startjob_params, NPARAMS(startjob_params), "ComputerName",
                                      0};

enum { TJ_SB, TJ_FILE, TJ_NAME, TJ_INIT, TJ_INPUT, TJ_ARGS, TJ_THROTTLE, TJ_HOST };
static const ParamDecl threadjob_params[] = {
    {.name = "ScriptBlock",
     .aliases = "Command",
     .type = TY_SCRIPTBLOCK,
     .in = {{"ScriptBlock", BIND_POS(0), M}}},
    {.name = "FilePath", .type = TY_STRING, .in = {{"FilePath", BIND_POS(0), M}}},
    {.name = "Name", .type = TY_STRING},
    {.name = "InitializationScript", .type = TY_SCRIPTBLOCK},
    {.name = "InputObject", .type = TY_PSOBJECT, .in = {{BIND_ALLSETS, 0, BV}}},
    {.name = "ArgumentList", .aliases = "Args", .type = TY_OBJECT, .is_array = 1},
    {.name = "ThrottleLimit", .type = TY_INT32, .range = {1, 1, 1000000}},
    {.name = "StreamingHost", .type = TY_OBJECT},
};
static const CmdDecl threadjob_decl = {
    "Start-ThreadJob", "Microsoft.PowerShell.Commands.StartThreadJobCommand", threadjob_params,
    NPARAMS(threadjob_params), "ScriptBlock", 0};

#define IC_REMOTE                                                                                  \
    {                                                                                              \
        {"ComputerName", 0, 0}, { "FilePathComputerName", 0, 0 }                                   \
    }
enum { IC_SB, IC_FILE, IC_CN, IC_ASJOB, IC_JOBNAME, IC_THROTTLE, IC_HIDECN, IC_ARGS, IC_INPUT,
       IC_NONEWSCOPE };
static const ParamDecl invoke_params[] = {
    {.name = "ScriptBlock",
     .aliases = "Command",
     .type = TY_SCRIPTBLOCK,
     .in = {{"InProcess", BIND_POS(0), M}, {"ComputerName", BIND_POS(1), M}}},
    {.name = "FilePath",
     .aliases = "PSPath",
     .type = TY_STRING,
     .in = {{"FilePathComputerName", BIND_POS(1), M}}},
    {.name = "ComputerName",
     .aliases = "Cn",
     .type = TY_STRING,
     .is_array = 1,
     .in = {{"ComputerName", BIND_POS(0), 0}, {"FilePathComputerName", BIND_POS(0), 0}}},
    {.name = "AsJob", .type = TY_SWITCH, .in = IC_REMOTE},
    {.name = "JobName", .type = TY_STRING, .in = IC_REMOTE},
    {.name = "ThrottleLimit", .type = TY_INT32, .in = IC_REMOTE},
    {.name = "HideComputerName", .aliases = "HCN", .type = TY_SWITCH, .in = IC_REMOTE},
    {.name = "ArgumentList", .aliases = "Args", .type = TY_OBJECT, .is_array = 1},
    {.name = "InputObject", .type = TY_PSOBJECT, .in = {{BIND_ALLSETS, 0, BV}}},
    {.name = "NoNewScope", .aliases = "nns", .type = TY_SWITCH, .in = {{"InProcess", 0, 0}}},
};
static const CmdDecl invoke_decl = {"Invoke-Command",
                                    "Microsoft.PowerShell.Commands.InvokeCommandCommand",
                                    invoke_params,
                                    NPARAMS(invoke_params),
                                    "InProcess",
                                    0};

static const CmdDecl *const all_decls[] = {&getjob_decl,     &waitjob_decl,   &stopjob_decl,
                                           &removejob_decl,  &receivejob_decl, &startjob_decl,
                                           &threadjob_decl,  &invoke_decl};

const CmdDecl *jobcmds_decl(const char *name)
{
    for (size_t i = 0; i < sizeof all_decls / sizeof *all_decls; i++)
        if (str_icmp(all_decls[i]->name, name) == 0) return all_decls[i];
    return NULL;
}

/* ================================================================ binding ==== */

/* The compiled plans of the declarations: immutable once built, so one per process serves
 * every runspace and thread (built on first use; a cmdlet call then costs no compilation). */
#define NDECLS (sizeof all_decls / sizeof *all_decls)
static pthread_mutex_t plan_mu = PTHREAD_MUTEX_INITIALIZER;
static BindPlan *plans[NDECLS];

static const BindPlan *plan_of(const CmdDecl *d)
{
    size_t i = 0;
    while (i < NDECLS && all_decls[i] != d)
        i++;
    pthread_mutex_lock(&plan_mu);
    if (!plans[i]) plans[i] = bind_plan_new(d);
    BindPlan *p = plans[i];
    pthread_mutex_unlock(&plan_mu);
    return p;
}

/* One invocation's state (CmdCtx.priv). */
typedef struct Call {
    const BindPlan *plan; /* shared: plan_of */
    Binder *b;
    const CmdDecl *decl;
    int bound;     /* the command line is bound */
    JobList jobs;  /* Wait-Job / Stop-Job: the jobs matched so far, in order */
    Value inputs;  /* Start-Job & co: pipeline input collected (object[]) */
    Value vars[3]; /* -Error/-Warning/-InformationVariable collectors (object[]) or $null */
    int has_input; /* some pipeline input arrived */
} Call;

static void call_free(void *p)
{
    Call *k = p;
    bind_free(k->b);
    job_list_free(&k->jobs);
    val_unref(k->inputs);
    for (int i = 0; i < 3; i++)
        val_unref(k->vars[i]);
    free(k);
}

static Call *call_of(CmdCtx *c, const CmdDecl *d)
{
    if (!c->priv) {
        Call *k = xcalloc(1, sizeof(Call));
        k->decl = d;
        k->plan = plan_of(d);
        k->b = bind_new(k->plan);
        k->inputs = val_null();
        for (int i = 0; i < 3; i++)
            k->vars[i] = val_null();
        c->priv = k;
        c->priv_free = call_free;
    }
    return c->priv;
}

/* A raw argument "-Name" / "-Name:" (the evaluator's spelling of a named argument). */
static int is_param_word(Value v)
{
    if (!val_is_str(v) || val_str_len(v) < 2) return 0;
    const char *s = val_str_data(v);
    return s[0] == '-' && (s[1] == '_' || s[1] == '?' || (s[1] | 0x20) >= 'a') &&
           (s[1] | 0x20) <= 'z';
}

/* c->rawargs as BindArgs (values borrowed from rawargs); returns the count. */
static int raw_args(CmdCtx *c, BindArg **out)
{
    Value raw = c->rawargs;
    size_t n = val_is_array(raw) ? arr_len(raw) : 0;
    BindArg *a = xcalloc(n + 1, sizeof(BindArg));
    int na = 0;
    for (size_t i = 0; i < n; i++) {
        Value v = arr_peek(raw, i);
        BindArg x = {NULL, 0, v, 1, c->node, 0, 0};
        if (is_param_word(v)) {
            const char *s = val_str_data(v) + 1;
            size_t len = val_str_len(v) - 1;
            x.name = s;
            x.nlen = len;
            x.val = val_null();
            x.has_val = 0;
            if (s[len - 1] == ':') x.nlen--;
            if (s[len - 1] == ':' && i + 1 < n) {
                x.val = arr_peek(raw, ++i);
                x.has_val = 1;
            }
        }
        a[na++] = x;
    }
    *out = a;
    return na;
}

static Status throw_bind(CmdCtx *c, const BindError *e)
{
    return eval_throw_rec(c->I, bind_error_rec(e, c->I->prog, c->name, c->node), 0);
}

/*
** The binding step of every handler: on the first process call the command line, then each
** pipeline object.  Returns 1 when the handler should act on this phase, 0 when not (the
** object did not bind, or END without any process call), -1 after a terminating error.
*/
static int bind_step(CmdCtx *c, const CmdDecl *d, Call **out, Status *st)
{
    Call *k = call_of(c, d);
    *out = k;
    *st = ST_OK;
    if (c->phase == CMD_BEGIN) return 0;
    if (c->phase == CMD_END) return k->bound;
    BindError e;
    if (!k->bound) {
        BindArg *args;
        int n = raw_args(c, &args);
        int r = bind_args(k->b, args, n, c->has_input, &e);
        free(args);
        if (r) {
            *st = throw_bind(c, &e);
            return -1;
        }
        k->bound = 1;
    }
    if (c->has_input) {
        k->has_input = 1;
        if (bind_input(k->b, c->input, &e)) {
            Value rec = bind_error_rec(&e, c->I->prog, c->name, c->node);
            cmd_write_error(c, rec);
            val_unref(rec);
            return 0;
        }
    }
    return 1;
}

/* ---- common parameters ----
** A raw command's stage applies none of them, so the ones that matter for job cmdlets are
** applied here around each phase: -ErrorAction, -WarningAction and -ErrorVariable (also
** "+name").  The others are accepted by the binder and ignored. */
static int action_of(Value v)
{
    static const char *const names[] = {"Continue", "SilentlyContinue", "Stop", "Ignore"};
    static const int acts[] = {EA_CONTINUE, EA_SILENT, EA_STOP, EA_IGNORE};
    Value s = convert_to_string(v, NULL);
    int r = -1;
    for (int i = 0; i < 4; i++)
        if (str_icmp(val_str_data(s), names[i]) == 0) r = acts[i];
    val_unref(s);
    return r;
}

static Value common_arg(Call *k, const char *name)
{
    int i = bind_plan_find(k->plan, name);
    return i >= 0 && bind_bound(k->b, i) ? bind_value(k->b, i) : val_null();
}

/* The -*Action (act[]) and -*Variable (sink[]) common parameters applied here, per stream. */
static const struct {
    const char *var, *action; /* NULL: none */
    int stream;
} commons[] = {
    {"ErrorVariable", NULL, STREAM_ERR}, /* -ErrorAction is ea_override (common_enter) */
    {"WarningVariable", "WarningAction", STREAM_WARN},
    {"InformationVariable", "InformationAction", STREAM_INFO},
};
#define NCOMMONS (sizeof commons / sizeof *commons)

typedef struct Saved {
    int ea, act[NCOMMONS];
    Value sink[NCOMMONS];
} Saved;

static void common_enter(Interp *I, Call *k, Saved *sv)
{
    sv->ea = I->ea_override;
    Value ea = common_arg(k, "ErrorAction");
    if (!val_is_null(ea)) I->ea_override = action_of(ea);
    for (size_t i = 0; i < NCOMMONS; i++) {
        int s = commons[i].stream;
        sv->act[i] = I->act[s];
        sv->sink[i] = I->sink[s];
        Value a = commons[i].action ? common_arg(k, commons[i].action) : val_null();
        if (!val_is_null(a)) I->act[s] = action_of(a);
        if (val_is_null(common_arg(k, commons[i].var))) continue;
        if (val_is_null(k->vars[i])) k->vars[i] = arr_new(TY_OBJECT, 0);
        I->sink[s] = k->vars[i];
    }
}

/* Store collector got in the variable named by name (a leading '+' appends). */
static void set_var(Interp *I, Value name, Value got)
{
    Value n = convert_to_string(name, NULL);
    const char *s = val_str_data(n);
    Value v = val_ref(got);
    if (*s == '+') {
        s++;
        Value old = eval_var_get(I, s, strlen(s));
        if (!val_is_null(old)) {
            val_unref(v);
            v = arr_concat(old, got);
        }
        val_unref(old);
    }
    eval_var_set(I, s, strlen(s), v);
    val_unref(v);
    val_unref(n);
}

static void common_leave(Interp *I, Call *k, Saved *sv, int last)
{
    I->ea_override = sv->ea;
    for (size_t i = 0; i < NCOMMONS; i++) {
        I->act[commons[i].stream] = sv->act[i];
        I->sink[commons[i].stream] = sv->sink[i];
        Value name = common_arg(k, commons[i].var);
        if (last && !val_is_null(name)) set_var(I, name, k->vars[i]);
    }
}

typedef Status (*Body)(CmdCtx *c, Call *k);

/* Bind (bind_step), then run body for this phase with the common parameters in force. */
static Status run_cmd(CmdCtx *c, const CmdDecl *d, Body body)
{
    Call *k;
    Status st;
    int r = bind_step(c, d, &k, &st);
    if (r <= 0) return st;
    Saved sv;
    common_enter(c->I, k, &sv);
    st = body(c, k);
    common_leave(c->I, k, &sv, c->phase == CMD_END || st);
    return st;
}

static Value arg(Call *k, int i)
{
    return bind_value(k->b, i);
}

static int given(Call *k, int i)
{
    return bind_bound(k->b, i) != 0;
}

static int flag(Call *k, int i)
{
    return given(k, i) && convert_truthy(arg(k, i));
}

/* A bound value seen as a list (an array's elements, or the value itself). */
static size_t list_len(Value v)
{
    if (val_is_null(v)) return 0;
    return val_is_array(v) ? arr_len(v) : 1;
}

static Value list_at(Value v, size_t i)
{
    return val_is_array(v) ? arr_peek(v, i) : v;
}

static int int_of(Value v)
{
    return (int)v.as.i;
}

/* Deliver job output, waiting up to ms for some: ST_STOP as soon as Ctrl+C (or Stop-Job on a
 * thread job running this) asks the runspace to stop, as pwsh's waits do. */
static Status wait_events(CmdCtx *c, JobTable *t, int ms)
{
    jobrun_poll_stop(t, ms, interp_stop_fd(c->I));
    return interp_stopping(c->I) ? ST_STOP : ST_OK;
}

/* ================================================================ errors ==== */

/* "Get-Job" -> "Microsoft.PowerShell.Commands.GetJobCommand"-suffixed FQID. */
static Status fail(CmdCtx *c, const char *cmdlet, ExcKind exc, ErrCategory cat, const char *id,
                   const char *msg)
{
    StrBuf fq = {0};
    sb_printf(&fq, "%s,Microsoft.PowerShell.Commands.", id);
    for (const char *p = cmdlet; *p; p++)
        if (*p != '-') sb_putc(&fq, *p);
    sb_puts(&fq, "Command");
    ErrInit init = {.msg = msg, .id = sb_str(&fq), .exc = exc, .inner = exc, .cat = cat,
                    .command = cmdlet, .prog = c->I->prog};
    if (c->node) init.start = c->node->start, init.end = c->node->end;
    Value rec = errrec_new(&init);
    sb_free(&fq);
    return eval_throw_rec(c->I, rec, 0);
}

/* An exception thrown by a parameter's setter, as pwsh's binder wraps it (ParameterBindingFailed):
 * Cannot bind parameter 'P' to the target. Exception setting "P": "<message>" */
static Status setter_fail(CmdCtx *c, const char *cmdlet, const char *param, const char *msg)
{
    StrBuf m = {0};
    sb_printf(&m, "Cannot bind parameter '%s' to the target. Exception setting \"%s\": \"%s\"",
              param, param, msg);
    Status st = fail(c, cmdlet, EXC_PARAMBIND, ERRCAT_INVALIDARGUMENT, "ParameterBindingFailed",
                     sb_str(&m));
    sb_free(&m);
    return st;
}

/* Which of two named parameters is written last on the command line (pwsh binds named
 * arguments in order, so the second setter is the one that fails); b when neither shows
 * (splatting).  A written name may be a prefix of at least min characters. */
static const char *written_last(CmdCtx *c, const char *a, const char *b, size_t min)
{
    const char *last = b;
    for (Node *e = c->node && c->node->kind == AST_COMMAND ? c->node->a : NULL; e; e = e->next) {
        size_t n = e->kind == AST_CMDPARAM && e->str ? strlen(e->str) : 0;
        if (n >= min && n <= strlen(a) && str_nicmp(e->str, a, n) == 0) last = a;
        if (n >= min && n <= strlen(b) && str_nicmp(e->str, b, n) == 0) last = b;
    }
    return last;
}

static void write_job_error(CmdCtx *c, JobError *e, const char *cmdlet)
{
    Value rec = c->node ? job_error_record_at(e, cmdlet, c->I->prog, c->node->start, c->node->end)
                        : job_error_record(e, cmdlet);
    cmd_write_error(c, rec);
    val_unref(rec);
    job_error_clear(e);
}

static Status emit_job(CmdCtx *c, Job *j)
{
    Value v = job_value(j);
    Status st = pipe_emit(c->I, c->out, v);
    val_unref(v);
    return st;
}

/* ================================================================ selection ==== */

/* Parameter indexes of a cmdlet's selection parameters (-1: the cmdlet has none). */
typedef struct SelIdx {
    int id, job, name, iid, state, command;
    int name_children; /* -Name searches child jobs too (all but Remove-Job) */
} SelIdx;

typedef enum SelBy { BY_ID, BY_JOB, BY_NAME, BY_IID, BY_STATE, BY_COMMAND, BY_NONE } SelBy;

static SelBy select_jobs(CmdCtx *c, Call *k, const SelIdx *x, JobTable *t, JobList *out)
{
    JobError e = {0};
    const char *cmd = k->decl->name;
    if (x->id >= 0 && given(k, x->id)) {
        Value v = arg(k, x->id);
        for (size_t i = 0; i < list_len(v); i++)
            if (!job_select_id(t, int_of(list_at(v, i)), out, &e)) write_job_error(c, &e, cmd);
        return BY_ID;
    }
    if (x->job >= 0 && given(k, x->job)) {
        Value v = arg(k, x->job);
        for (size_t i = 0; i < list_len(v); i++) {
            Job *j = job_from_value(list_at(v, i));
            if (j) job_list_push(out, j);
        }
        return BY_JOB;
    }
    if (x->name >= 0 && given(k, x->name)) {
        Value v = arg(k, x->name);
        for (size_t i = 0; i < list_len(v); i++) {
            Value s = convert_to_string(list_at(v, i), NULL);
            if (!job_select_name(t, val_str_data(s), x->name_children, out, &e))
                write_job_error(c, &e, cmd);
            val_unref(s);
        }
        return BY_NAME;
    }
    if (x->iid >= 0 && given(k, x->iid)) {
        Value v = arg(k, x->iid);
        for (size_t i = 0; i < list_len(v); i++) {
            Value s = convert_to_string(list_at(v, i), NULL);
            if (!job_select_instance_id(t, val_str_data(s), out, &e)) write_job_error(c, &e, cmd);
            val_unref(s);
        }
        return BY_IID;
    }
    if (x->state >= 0 && given(k, x->state)) {
        Value s = convert_to_string(arg(k, x->state), NULL);
        JobState js;
        if (job_state_parse(val_str_data(s), val_str_len(s), &js)) job_select_state(t, js, out);
        val_unref(s);
        return BY_STATE;
    }
    if (x->command >= 0 && given(k, x->command)) {
        Value v = arg(k, x->command);
        for (size_t i = 0; i < list_len(v); i++) {
            Value s = convert_to_string(list_at(v, i), NULL);
            job_select_command(t, val_str_data(s), out);
            val_unref(s);
        }
        return BY_COMMAND;
    }
    return BY_NONE;
}

static const SelIdx sel_common = {SEL_ID, SEL_JOB, SEL_NAME, SEL_IID, SEL_STATE, -1, 1};

/* ================================================================ Get-Job ==== */

static int state_arg(Call *k, int i, JobState *out)
{
    Value s = convert_to_string(arg(k, i), NULL);
    int ok = job_state_parse(val_str_data(s), val_str_len(s), out);
    val_unref(s);
    return ok;
}

/* Get-Job [[-Id] <int[]>] [-IncludeChildJob] [-ChildJobState <JobState>] [-HasMoreData <bool>]
 *         [-Before <datetime>] [-After <datetime>] [-Newest <int>] (and the other sets) */
static Status get_job_body(CmdCtx *c, Call *k)
{
    Status st = ST_OK;
    if (c->phase != CMD_PROCESS) return ST_OK;
    JobTable *t = jobcmds_table_of(c->I);
    jobrun_poll(t, 0);
    static const SelIdx x = {GJ_ID, -1, GJ_NAME, GJ_IID, GJ_STATE, GJ_COMMAND, 1};
    JobList l = {0};
    if (given(k, GJ_FILTER)) return ST_OK; /* no job source here implements -Filter */
    if (select_jobs(c, k, &x, t, &l) == BY_NONE) job_select_all(t, &l);
    JobState cs;
    if (given(k, GJ_CHILDSTATE) && state_arg(k, GJ_CHILDSTATE, &cs))
        job_list_add_children(&l, &cs);
    else if (flag(k, GJ_INCCHILD))
        job_list_add_children(&l, NULL);
    if (given(k, GJ_MOREDATA)) job_list_keep_more_data(&l, convert_truthy(arg(k, GJ_MOREDATA)));
    if (given(k, GJ_BEFORE) || given(k, GJ_AFTER))
        job_list_keep_ended(&l, given(k, GJ_BEFORE), arg(k, GJ_BEFORE).as.i, given(k, GJ_AFTER),
                            arg(k, GJ_AFTER).as.i);
    if (given(k, GJ_NEWEST)) {
        int n = int_of(arg(k, GJ_NEWEST));
        job_list_keep_newest(&l, n < 0 ? 0 : (size_t)n);
    }
    job_list_sort(&l);
    for (size_t i = 0; i < l.len && !st; i++)
        st = emit_job(c, l.items[i]);
    job_list_free(&l);
    return st;
}

static Status get_job(CmdCtx *c)
{
    return run_cmd(c, &getjob_decl, get_job_body);
}

/* ================================================================ Receive-Job ==== */

typedef struct Recv {
    CmdCtx *c;
    Status st;
} Recv;

static void recv_text(CmdCtx *c, Status *st, int stream, Value v)
{
    Value s = convert_to_string(v, NULL);
    *st = stream_write(c->I, stream, s, c->node);
    val_unref(s);
}

/* A job's host writes are shown whatever the caller's preference; its Write-Information
 * records go through the caller's Information stream, so $InformationPreference (or
 * -InformationAction) decides whether they are shown, as in pwsh. */
static void recv_info(CmdCtx *c, Status *st, Value v)
{
    Interp *I = c->I;
    Value s = convert_to_string(v, NULL);
    if (inforec_stream(v) == STREAM_INFO && !inforec_is_host(v)) {
        *st = stream_write(I, STREAM_INFO, s, c->node);
        val_unref(s);
        return;
    }
    if (!val_is_null(I->sink[STREAM_INFO]))
        arr_push_take(I->sink[STREAM_INFO], inforec_new(STREAM_INFO, val_str_data(s)));
    if (I->spipe[STREAM_INFO]) {
        Value r = inforec_new(STREAM_INFO, val_str_data(s));
        *st = pipe_put(I, I->spipe[STREAM_INFO], r);
        val_unref(r);
    } else {
        StrBuf sb = {0};
        sb_printf(&sb, inforec_nonewline(v) ? "%s" : "%s\n", val_str_data(s));
        I->host_fn(I->host_ctx, sb.buf, sb.len);
        sb_free(&sb);
    }
    val_unref(s);
}

static void recv_emit(void *ctx, Job *from, JobStream s, Value v)
{
    Recv *r = ctx;
    (void)from;
    if (r->st) return;
    switch (s) {
    case JOB_OUTPUT:
        r->st = pipe_emit(r->c->I, r->c->out, v);
        break;
    case JOB_ERROR:
        if (errrec_is(v)) {
            cmd_write_error(r->c, v);
        } else {
            Value m = convert_to_string(v, NULL);
            ErrInit init = {.msg = val_str_data(m), .id = "JobError", .exc = EXC_RUNTIME,
                            .inner = EXC_RUNTIME, .cat = ERRCAT_NOTSPECIFIED};
            Value rec = errrec_new(&init);
            cmd_write_error(r->c, rec);
            val_unref(rec);
            val_unref(m);
        }
        break;
    case JOB_WARNING:
        recv_text(r->c, &r->st, STREAM_WARN, v);
        break;
    case JOB_VERBOSE:
        recv_text(r->c, &r->st, STREAM_VERBOSE, v);
        break;
    case JOB_DEBUG:
        recv_text(r->c, &r->st, STREAM_DEBUG, v);
        break;
    case JOB_INFORMATION:
        recv_info(r->c, &r->st, v);
        break;
    default: /* progress records are not shown */
        break;
    }
}

/* -Wait's done test over every target (finished, or persistent without -Force). */
static int all_done(JobList *l, int force)
{
    for (size_t i = 0; i < l->len; i++)
        if (!job_wait_is_done(l->items[i], force)) return 0;
    return 1;
}

static Status receive_checks(CmdCtx *c, Call *k)
{
    static const struct {
        int param;
        JobMsg msg;
    } needs_wait[] = {{RJ_AUTOREMOVE, JOB_MSG_AUTOREMOVE_NOWAIT},
                      {RJ_WRITEEVENTS, JOB_MSG_WRITEEVENTS_NOWAIT},
                      {RJ_WRITEJOB, JOB_MSG_WRITEJOB_NOWAIT},
                      {RJ_FORCE, JOB_MSG_FORCE_NOWAIT}};
    const char *cmd = "Receive-Job";
    if (flag(k, RJ_WAIT) && flag(k, RJ_KEEP)) /* both setters check: the second one throws */
        return setter_fail(c, cmd, written_last(c, "Wait", "Keep", 2),
                           job_msg_text(JOB_MSG_WAIT_KEEP));
    if (flag(k, RJ_WAIT)) return ST_OK;
    for (size_t i = 0; i < sizeof needs_wait / sizeof needs_wait[0]; i++)
        if (flag(k, needs_wait[i].param))
            return fail(c, cmd, EXC_INVALIDOP, ERRCAT_INVALIDOPERATION, "InvalidOperation",
                        job_msg_text(needs_wait[i].msg));
    return ST_OK;
}

/* The jobs whose data Receive-Job reads: the selected ones, or their children at -Location /
 * -ComputerName. */
static void receive_targets(CmdCtx *c, Call *k, JobList *sel, JobList *out)
{
    int by_loc = given(k, RJ_LOCATION), by_cn = given(k, RJ_CN);
    if (!by_loc && !by_cn) {
        for (size_t i = 0; i < sel->len; i++)
            job_list_push(out, sel->items[i]);
        return;
    }
    Value v = arg(k, by_loc ? RJ_LOCATION : RJ_CN);
    size_t n = list_len(v);
    Value *strs = xcalloc(n + 1, sizeof(Value));
    const char **locs = xcalloc(n + 1, sizeof(char *));
    for (size_t i = 0; i < n; i++) {
        strs[i] = convert_to_string(list_at(v, i), NULL);
        locs[i] = val_str_data(strs[i]);
        if (by_cn && strcmp(locs[i], ".") == 0) locs[i] = "localhost";
    }
    for (size_t i = 0; i < sel->len; i++) {
        Job *j = sel->items[i];
        if (by_cn && job_kind(j) == JOB_KIND_THREAD) {
            JobError e = {"ComputerNameParameterNotSupported", "InvalidArgument",
                          xstrdup(job_msg_text(JOB_MSG_COMPUTERNAME)), val_null()};
            write_job_error(c, &e, "Receive-Job");
            continue;
        }
        job_select_location(j, locs, n, out);
    }
    for (size_t i = 0; i < n; i++)
        val_unref(strs[i]);
    free(strs);
    free(locs);
}

/* -WriteEvents: a JobStateEventArgs-like object per job reaching its final state, children
 * first (PSEventObject = $true). */
static Status write_events(CmdCtx *c, Job *j)
{
    Status st = ST_OK;
    for (size_t i = 0; i < job_child_count(j) && !st; i++)
        st = write_events(c, job_child_at(j, i));
    if (st) return st;
    Value ev = object_new_custom();
    Value info = jobprops_state_info(job_state(j), job_reason(j));
    Value prev = jobprops_state_info(JOB_RUNNING, val_null());
    object_set_prop(ev, "JobStateInfo", 12, info);
    object_set_prop(ev, "PreviousJobStateInfo", 20, prev);
    object_set_prop(ev, "PSEventObject", 13, val_bool(1));
    st = pipe_emit(c->I, c->out, ev);
    val_unref(info);
    val_unref(prev);
    val_unref(ev);
    return st;
}

/*
** A Blocked job waits for its Read-Host.  pwsh's Receive-Job runs such a prompt on the caller's
** host; psmini does the same when the caller reads a terminal: the prompt has just been written
** with the job's host output, and the line typed is the job's answer.  Without a terminal
** (a script, redirected input) the job's read fails with pwsh -NonInteractive's error and the
** job goes on, so Receive-Job never hangs on input nobody can give.
*/
static void answer_blocked(CmdCtx *c, JobList *tg)
{
    for (size_t i = 0; i < tg->len; i++) {
        if (!job_is_blocked(tg->items[i])) continue;
        char *line = NULL;
        size_t cap = 0;
        ssize_t n = isatty(STDIN_FILENO) ? getline(&line, &cap, stdin) : -1;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = 0;
        if (n < 0) clearerr(stdin);
        job_reply(tg->items[i], n >= 0 ? line : NULL);
        free(line);
    }
}

static Status receive_wait(CmdCtx *c, Call *k, JobTable *t, JobList *sel, JobList *tg,
                           unsigned flags)
{
    Recv r = {c, ST_OK};
    int force = flag(k, RJ_FORCE);
    for (size_t i = 0; i < sel->len && flag(k, RJ_WRITEJOB) && !r.st; i++)
        r.st = emit_job(c, sel->items[i]);
    /* What has arrived is written at once; failure reasons only by the last read, so a job
     * that failed while another still runs is reported once, not on every round. */
    for (;;) {
        jobrun_poll(t, 0);
        int done = all_done(tg, force);
        unsigned f = flags | (done ? 0 : JOB_RECV_NOREASON);
        for (size_t i = 0; i < tg->len && !r.st; i++)
            job_receive(tg->items[i], f, recv_emit, &r);
        if (done || r.st) break;
        answer_blocked(c, tg);
        if ((r.st = wait_events(c, t, 100))) return r.st;
    }
    for (size_t i = 0; i < tg->len && !r.st && flag(k, RJ_WRITEEVENTS); i++)
        r.st = write_events(c, tg->items[i]);
    if (!r.st && flag(k, RJ_AUTOREMOVE)) {
        for (size_t i = 0; i < sel->len; i++) {
            JobError e = {0};
            if (job_parent(sel->items[i])) continue;
            if (!job_table_remove(t, sel->items[i], JOB_RM_JOB, 1, &e)) {
                e.id = "ReceiveJobAutoRemovalError";
                write_job_error(c, &e, "Receive-Job");
            }
        }
    }
    return r.st;
}

/* Receive-Job [-Job] <Job[]> [[-Location] <string[]>] [-Keep] [-NoRecurse] [-Force] [-Wait]
 *             [-AutoRemoveJob] [-WriteEvents] [-WriteJobInResults] (and -Id/-Name/...) */
static Status receive_job_body(CmdCtx *c, Call *k)
{
    Status st = ST_OK;
    if (c->phase != CMD_PROCESS) return ST_OK;
    if ((st = receive_checks(c, k))) return st;
    JobTable *t = jobcmds_table_of(c->I);
    jobrun_poll(t, 0);
    static const SelIdx x = {RJ_ID, RJ_JOB, RJ_NAME, RJ_IID, -1, -1, 1};
    JobList sel = {0}, tg = {0};
    select_jobs(c, k, &x, t, &sel);
    if (given(k, RJ_SESSION)) {
        JobError e = {"RunspaceParameterNotSupported", "InvalidArgument",
                      xstrdup(job_msg_text(JOB_MSG_SESSION)), val_null()};
        write_job_error(c, &e, "Receive-Job");
    }
    receive_targets(c, k, &sel, &tg);
    unsigned flags = (flag(k, RJ_KEEP) ? JOB_RECV_KEEP : 0) |
                     (flag(k, RJ_NORECURSE) ? JOB_RECV_NORECURSE : 0);
    if (flag(k, RJ_WAIT)) {
        st = receive_wait(c, k, t, &sel, &tg, flags);
    } else {
        Recv r = {c, ST_OK};
        for (size_t i = 0; i < tg.len && !r.st; i++)
            job_receive(tg.items[i], flags, recv_emit, &r);
        st = r.st;
        if (!st) answer_blocked(c, &tg);
    }
    job_list_free(&sel);
    job_list_free(&tg);
    return st;
}

static Status receive_job(CmdCtx *c)
{
    return run_cmd(c, &receivejob_decl, receive_job_body);
}

/* ================================================================ Wait-Job ==== */

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static Status wait_end(CmdCtx *c, Call *k)
{
    JobTable *t = jobcmds_table_of(c->I);
    int any = flag(k, WJ_ANY), force = flag(k, WJ_FORCE);
    long timeout = given(k, WJ_TIMEOUT) ? int_of(arg(k, WJ_TIMEOUT)) : -1;
    if (timeout == 0) return ST_OK;
    long deadline = timeout > 0 ? now_ms() + timeout * 1000 : 0;
    size_t first = 0;
    for (;;) {
        jobrun_poll(t, 0);
        JobWait w = job_wait_check(k->jobs.items, k->jobs.len, any, force, &first);
        if (w == JOB_WAIT_DEADLOCK)
            return fail(c, "Wait-Job", EXC_RUNTIME, ERRCAT_NOTSPECIFIED,
                        job_msg_id(JOB_MSG_WAIT_DEADLOCK), job_msg_text(JOB_MSG_WAIT_DEADLOCK));
        if (w == JOB_WAIT_DONE) break;
        long left = timeout > 0 ? deadline - now_ms() : 100;
        if (left <= 0) return ST_OK; /* timed out: nothing at all */
        Status st = wait_events(c, t, left < 100 ? (int)left : 100);
        if (st) return st;
    }
    if (job_wait_warns(k->jobs.items, k->jobs.len)) {
        Value s = val_str(job_msg_text(JOB_MSG_WAIT_SUSPENDED));
        Status st = stream_write(c->I, STREAM_WARN, s, c->node);
        val_unref(s);
        if (st) return st;
    }
    if (any) return k->jobs.len ? emit_job(c, k->jobs.items[first]) : ST_OK;
    Status st = ST_OK;
    for (size_t i = 0; i < k->jobs.len && !st; i++)
        if (job_wait_is_done(k->jobs.items[i], force)) st = emit_job(c, k->jobs.items[i]);
    return st;
}

/* Wait-Job [-Id] <int[]> [-Any] [-Timeout <int>] [-Force] (and -Job/-Name/-InstanceId/-State) */
static Status wait_job_body(CmdCtx *c, Call *k)
{
    if (c->phase == CMD_END) return wait_end(c, k);
    JobTable *t = jobcmds_table_of(c->I);
    jobrun_poll(t, 0);
    select_jobs(c, k, &sel_common, t, &k->jobs);
    return ST_OK;
}

static Status wait_job(CmdCtx *c)
{
    return run_cmd(c, &waitjob_decl, wait_job_body);
}

/* ================================================================ Stop-Job ==== */

/* -WhatIf: 1 after writing pwsh's "What if:" line for action on target (then skip the job). */
static int what_if(CmdCtx *c, Call *k, const char *action, char *target)
{
    Value w = common_arg(k, "WhatIf");
    int on = !val_is_null(w) && convert_truthy(w);
    if (on) {
        StrBuf sb = {0};
        sb_printf(&sb, "What if: Performing the operation \"%s\" on target \"%s\".\n", action,
                  target);
        c->I->host_fn(c->I->host_ctx, sb.buf, sb.len);
        sb_free(&sb);
    }
    free(target);
    return on;
}

/* Stop-Job [-Id] <int[]> [-PassThru] (and -Job/-Name/-InstanceId/-State) */
static Status stop_job_body(CmdCtx *c, Call *k)
{
    Status st = ST_OK;
    if (c->phase == CMD_END) {
        for (size_t i = 0; i < k->jobs.len && !st && flag(k, SJ_PASSTHRU); i++)
            st = emit_job(c, k->jobs.items[i]);
        return st;
    }
    JobTable *t = jobcmds_table_of(c->I);
    jobrun_poll(t, 0);
    JobList l = {0};
    select_jobs(c, k, &sel_common, t, &l);
    for (size_t i = 0; i < l.len; i++) {
        Job *j = l.items[i];
        job_list_push(&k->jobs, j);
        if (job_state_is_finished(job_state(j))) continue;
        if (what_if(c, k, "Stop", job_stop_target(j))) continue;
        job_stop(j);
        jobrun_wait(t, j, 5000); /* synchronous, as for PSRemotingJob */
    }
    job_list_free(&l);
    return ST_OK;
}

static Status stop_job(CmdCtx *c)
{
    return run_cmd(c, &stopjob_decl, stop_job_body);
}

/* ================================================================ Remove-Job ==== */

/* Remove-Job [-Id] <int[]> [-Force] (and -Job/-Name/-InstanceId/-State/-Command) */
static Status remove_job_body(CmdCtx *c, Call *k)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    static const JobRemoveBy by_of[] = {JOB_RM_ID,    JOB_RM_JOB,     JOB_RM_NAME,
                                        JOB_RM_INSTANCEID, JOB_RM_STATE, JOB_RM_COMMAND};
    static const SelIdx x = {SEL_ID, SEL_JOB, SEL_NAME, SEL_IID, SEL_STATE, RM_COMMAND, 0};
    JobTable *t = jobcmds_table_of(c->I);
    jobrun_poll(t, 0);
    JobList l = {0};
    SelBy by = select_jobs(c, k, &x, t, &l);
    if (by != BY_NONE) {
        for (size_t i = 0; i < l.len; i++) {
            JobError e = {0};
            if (what_if(c, k, "Remove", job_remove_target(l.items[i]))) continue;
            if (!job_table_remove(t, l.items[i], by_of[by], flag(k, RM_FORCE), &e))
                write_job_error(c, &e, "Remove-Job");
        }
    }
    job_list_free(&l);
    return ST_OK;
}

static Status remove_job(CmdCtx *c)
{
    return run_cmd(c, &removejob_decl, remove_job_body);
}

/* ================================================================ starting ==== */

/* Collect the names of the $using: variables under n (nested blocks too) into names. */
static void find_usings(Node *n, Value names)
{
    for (; n; n = n->next) {
        if (n->kind == AST_VARIABLE && n->b && n->b->kind == AST_STRING && n->b->str &&
            str_icmp(n->b->str, "using") == 0 && n->str) {
            int seen = 0;
            for (size_t i = 0; i < arr_len(names) && !seen; i++)
                seen = str_icmp(val_str_data(arr_peek(names, i)), n->str) == 0;
            if (!seen) arr_push_take(names, val_str(n->str));
        }
        if (n->kind == AST_NUMBER) continue;
        find_usings(n->a, names);
        find_usings(n->b, names);
        find_usings(n->c, names);
    }
}

/* The caller's variable a $using: name designates: "x", or with a scope, "global:x",
 * "script:x", "local:x" or "private:x" (${using:script:x}, which & writes for $script:x). */
static Var *using_lookup(Interp *I, const char *name)
{
    static const char *const scopes[] = {"global", "script", "local", "private"};
    const char *colon = strchr(name, ':');
    for (size_t k = 0; colon && k < sizeof scopes / sizeof *scopes; k++) {
        size_t ql = strlen(scopes[k]);
        if ((size_t)(colon - name) != ql || str_nicmp(name, scopes[k], ql) != 0) continue;
        const char *n = colon + 1;
        Scope *sc = k == 0 ? I->global : k == 1 ? scope_script(I->cur) : I->cur;
        return scope_local(sc, n, strlen(n));
    }
    return scope_lookup(I->cur, name, strlen(name));
}

/* 1 and the caller's value (a new reference) for a $using: name; $using:env:X reads the
 * environment, as pwsh's $using: does. */
static int using_value(Interp *I, const char *name, Value *out)
{
    if (str_nicmp(name, "env:", 4) == 0) {
        const char *e = getenv(name + 4);
        if (e) *out = val_str(e);
        return e != NULL;
    }
    Var *var = using_lookup(I, name);
    if (var) *out = val_ref(var_value(var));
    return var != NULL;
}

/* The $using: values of the code under root, looked up in the caller: *out = an ordered
 * dictionary "$using:x" -> value (or $null when there are none). */
static Status collect_usings(CmdCtx *c, const char *cmdlet, Node *root, Value *out)
{
    *out = val_null();
    Value names = arr_new(TY_OBJECT, 0);
    find_usings(root, names);
    Status st = ST_OK;
    if (arr_len(names)) *out = ht_new(1);
    for (size_t i = 0; i < arr_len(names) && !st; i++) {
        const char *name = val_str_data(arr_peek(names, i));
        Value val = val_null();
        int found = using_value(c->I, name, &val);
        StrBuf key = {0};
        sb_printf(&key, "$using:%s", name);
        if (!found) {
            StrBuf m = {0};
            sb_printf(&m,
                      "The value of the using variable '%s' cannot be retrieved because it has "
                      "not been set in the local session.",
                      sb_str(&key));
            st = fail(c, cmdlet, EXC_RUNTIME, ERRCAT_INVALIDOPERATION, "UsingVariableIsUndefined",
                      sb_str(&m));
            sb_free(&m);
        } else {
            Value k = val_str(sb_str(&key));
            ht_set(*out, k, val);
            val_unref(k);
        }
        val_unref(val);
        sb_free(&key);
    }
    val_unref(names);
    if (st) {
        val_unref(*out);
        *out = val_null();
    }
    return st;
}

/* The job's code: script text (owned in *script), Command text and $using: values. */
typedef struct Code {
    char *script;
    char *command;
    Value usings;
} Code;

static void code_free(Code *k)
{
    free(k->script);
    free(k->command);
    val_unref(k->usings);
}

static Status code_from_block(CmdCtx *c, const char *cmdlet, Value sb, Code *out)
{
    out->script = xstrdup(scriptblock_text(sb));
    out->command = xstrdup(out->script);
    return collect_usings(c, cmdlet, scriptblock_node(sb), &out->usings);
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    StrBuf sb = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sb_append(&sb, buf, n);
    fclose(f);
    return sb_take(&sb);
}

/* -FilePath / -LiteralPath: a .ps1 file whose text becomes the script. */
static Status code_from_file(CmdCtx *c, const char *cmdlet, const char *path, int literal,
                             int command_is_path, Code *out)
{
    size_t len = strlen(path);
    if (!literal && strpbrk(path, "*?["))
        return fail(c, cmdlet, EXC_ARGUMENT, ERRCAT_INVALIDARGUMENT, "ArgumentException",
                    "Wildcard characters are not supported for the FilePath parameter. Specify a "
                    "path without wildcard characters.");
    if (len < 4 || str_icmp(path + len - 4, ".ps1") != 0)
        return fail(c, cmdlet, EXC_ARGUMENT, ERRCAT_INVALIDARGUMENT, "ArgumentException",
                    "The value of the FilePath parameter must be a PowerShell script file. Enter "
                    "the path to a file with a .ps1 file name extension and try the command again.");
    char *text = read_file(path);
    if (!text) {
        StrBuf m = {0};
        sb_printf(&m, "Cannot find path '%s' because it does not exist.", path);
        Status st = fail(c, cmdlet, EXC_ARGUMENT, ERRCAT_OBJECTNOTFOUND, "PathNotFound", sb_str(&m));
        sb_free(&m);
        return st;
    }
    out->script = text;
    out->command = xstrdup(command_is_path ? path : text);
    Program *p = parse_program(text, strlen(text), NULL);
    Status st = prog_nerrors(p) ? ST_OK : collect_usings(c, cmdlet, prog_root(p), &out->usings);
    prog_unref(p);
    return st;
}

/* Pipeline input so far, or the direct -InputObject as one object; $null: no input. */
static Value job_input(Call *k, int input_param)
{
    if (k->has_input) return val_ref(k->inputs);
    if (!given(k, input_param)) return val_null();
    Value a = arr_new(TY_OBJECT, 1);
    arr_push(a, arg(k, input_param));
    return a;
}

/* Collect this process call's pipeline object (bound to the InputObject parameter). */
static void collect_input(CmdCtx *c, Call *k, int input_param)
{
    if (!c->has_input) return;
    if (val_is_null(k->inputs)) k->inputs = arr_new(TY_OBJECT, 8);
    arr_push(k->inputs, given(k, input_param) ? arg(k, input_param) : c->input);
}

static Value args_of(Call *k, int i)
{
    return given(k, i) ? arg(k, i) : val_null();
}

/* -PSVersion: pwsh's setter accepts only 5.1 (Windows PowerShell) and throws for anything
 * else.  5.1 starts powershell.exe on Windows only (PowerShellProcessInstance, #if !UNIX):
 * elsewhere the job runs in the shell itself, as here. */
static Status psversion_check(CmdCtx *c, Call *k)
{
    if (!given(k, ST_PSVERSION)) return ST_OK;
    Value v = arg(k, ST_PSVERSION), major, minor;
    int ok = val_get_prop(v, "Major", 5, &major) && val_get_prop(v, "Minor", 5, &minor);
    if (ok) {
        ok = major.kind == VAL_INT32 && minor.kind == VAL_INT32;
        ok = ok && major.as.i == 5 && minor.as.i == 1;
        val_unref(major), val_unref(minor);
    }
    if (ok) return ST_OK;
    StrBuf m = {0};
    sb_puts(&m, "The value ");
    convert_append_scalar(v, &m);
    sb_puts(&m, " is not valid for the PSVersion parameter. The only allowed value is 5.1.");
    Status st = setter_fail(c, "Start-Job", "PSVersion", sb_str(&m));
    sb_free(&m);
    return st;
}

static Status start_end(CmdCtx *c, Call *k)
{
    const char *cmd = "Start-Job";
    Status vst = psversion_check(c, k);
    if (vst) return vst;
    if (given(k, ST_DEFNAME))
        return fail(c, cmd, EXC_NOTSUPPORTED, ERRCAT_INVALIDOPERATION, "NotSupported",
                    "Job definitions (-DefinitionName) are not supported.");
    if (flag(k, ST_RUNAS32))
        return fail(c, cmd, EXC_NOTSUPPORTED, ERRCAT_INVALIDOPERATION, "RunAs32NotSupported",
                    "Cannot start a 32-bit 'pwsh' process from the 64-bit 'pwsh' installation. "
                    "Install the 32-bit 'pwsh' if you need to run PowerShell in a 32-bit process.");
    char *wd = NULL;
    if (given(k, ST_WORKDIR)) {
        const char *d = val_str_data(arg(k, ST_WORKDIR));
        struct stat sbuf;
        if (stat(d, &sbuf) != 0 || !S_ISDIR(sbuf.st_mode)) {
            StrBuf m = {0};
            sb_printf(&m, "Cannot find the WorkingDirectory path %s.", d);
            Status st = fail(c, cmd, EXC_INVALIDOP, ERRCAT_INVALIDOPERATION,
                             "DirectoryNotFoundException", sb_str(&m));
            sb_free(&m);
            return st;
        }
        wd = xstrdup(d);
    } else {
        wd = location_current(c->I);
    }
    Code code = {NULL, NULL, val_null()};
    Status st;
    if (given(k, ST_SB))
        st = code_from_block(c, cmd, arg(k, ST_SB), &code);
    else if (given(k, ST_FILE))
        st = code_from_file(c, cmd, val_str_data(arg(k, ST_FILE)), 0, 0, &code);
    else
        st = code_from_file(c, cmd, val_str_data(arg(k, ST_LITERAL)), 1, 0, &code);
    if (!st) {
        Value input = job_input(k, ST_INPUT);
        JobRunSpec s = {0};
        s.name = given(k, ST_NAME) ? val_str_data(arg(k, ST_NAME)) : NULL;
        if (s.name && !*s.name) s.name = NULL;
        s.command = code.command;
        s.script = code.script;
        s.init = given(k, ST_INIT) ? scriptblock_text(arg(k, ST_INIT)) : NULL;
        s.workdir = wd;
        s.args = args_of(k, ST_ARGS);
        s.usings = code.usings;
        s.input = input;
        Job *j = jobrun_start_background(jobcmds_table_of(c->I), &s);
        st = emit_job(c, j);
        job_unref(j);
        val_unref(input);
    }
    code_free(&code);
    free(wd);
    return st;
}

/* Start-Job [-ScriptBlock] <scriptblock> [[-InitializationScript] <scriptblock>]
 *           [-WorkingDirectory <string>] [-Name <string>] [-ArgumentList <Object[]>]
 *           [-InputObject <psobject>] (and -FilePath / -LiteralPath) */
static Status start_job_body(CmdCtx *c, Call *k)
{
    if (c->phase == CMD_PROCESS) {
        collect_input(c, k, ST_INPUT);
        return ST_OK;
    }
    return start_end(c, k);
}

static Status start_job(CmdCtx *c)
{
    return run_cmd(c, &startjob_decl, start_job_body);
}

static Status threadjob_end(CmdCtx *c, Call *k)
{
    const char *cmd = "Start-ThreadJob";
    JobTable *t = jobcmds_table_of(c->I);
    if (given(k, TJ_THROTTLE)) jobrun_set_throttle(t, int_of(arg(k, TJ_THROTTLE)));
    Code code = {NULL, NULL, val_null()};
    Status st = given(k, TJ_SB)
                    ? code_from_block(c, cmd, arg(k, TJ_SB), &code)
                    : code_from_file(c, cmd, val_str_data(arg(k, TJ_FILE)), 0, 1, &code);
    if (!st) {
        Value input = job_input(k, TJ_INPUT);
        char *wd = location_current(c->I);
        JobRunSpec s = {0};
        s.name = given(k, TJ_NAME) ? val_str_data(arg(k, TJ_NAME)) : NULL;
        if (s.name && !*s.name) s.name = NULL;
        s.command = code.command;
        s.script = code.script;
        s.init = given(k, TJ_INIT) ? scriptblock_text(arg(k, TJ_INIT)) : NULL;
        s.workdir = wd;
        s.args = args_of(k, TJ_ARGS);
        s.usings = code.usings;
        s.input = input;
        Job *j = jobrun_start_thread(t, &s, thread_runspace, NULL);
        st = emit_job(c, j);
        job_unref(j);
        val_unref(input);
        free(wd);
    }
    code_free(&code);
    return st;
}

/* Start-ThreadJob [-ScriptBlock] <scriptblock> [-Name <string>] [-InitializationScript
 *                 <scriptblock>] [-InputObject <psobject>] [-ArgumentList <Object[]>]
 *                 [-ThrottleLimit <int>] [-StreamingHost <PSHost>] (and -FilePath) */
static Status start_threadjob_body(CmdCtx *c, Call *k)
{
    if (c->phase == CMD_PROCESS) {
        collect_input(c, k, TJ_INPUT);
        return ST_OK;
    }
    return threadjob_end(c, k);
}

static Status start_threadjob(CmdCtx *c)
{
    return run_cmd(c, &threadjob_decl, start_threadjob_body);
}

/* ================================================================ Invoke-Command ==== */

/* In process: the block runs in a child scope (or the current one with -NoNewScope), once per
 * pipeline object or once without input. */
static Status invoke_local(CmdCtx *c, Call *k)
{
    Value args = args_of(k, IC_ARGS);
    size_t n = list_len(args);
    BindArg *a = xcalloc(n + 1, sizeof(BindArg));
    for (size_t i = 0; i < n; i++)
        a[i] = (BindArg){NULL, 0, list_at(args, i), 1, c->node, 0, 0};
    Value input = c->has_input ? c->input : given(k, IC_INPUT) ? arg(k, IC_INPUT) : val_null();
    int has = c->has_input || given(k, IC_INPUT);
    Status st = eval_invoke(c->I, arg(k, IC_SB), flag(k, IC_NONEWSCOPE), a, (int)n, input, has,
                            c->out);
    free(a);
    return st;
}

static Status invoke_remote(CmdCtx *c, Call *k)
{
    const char *cmd = "Invoke-Command";
    JobTable *t = jobcmds_table_of(c->I);
    Code code = {NULL, NULL, val_null()};
    Status st = given(k, IC_SB)
                    ? code_from_block(c, cmd, arg(k, IC_SB), &code)
                    : code_from_file(c, cmd, val_str_data(arg(k, IC_FILE)), 0, 0, &code);
    if (st) {
        code_free(&code);
        return st;
    }
    Value cn = given(k, IC_CN) ? arg(k, IC_CN) : val_null();
    size_t n = list_len(cn);
    Value *strs = xcalloc(n + 1, sizeof(Value));
    const char **names = xcalloc(n + 1, sizeof(char *));
    for (size_t i = 0; i < n; i++) {
        strs[i] = convert_to_string(list_at(cn, i), NULL);
        names[i] = strcmp(val_str_data(strs[i]), ".") == 0 ? "localhost" : val_str_data(strs[i]);
    }
    static const char *const local[] = {"localhost"};
    Value input = job_input(k, IC_INPUT);
    JobRunSpec s = {0};
    s.name = given(k, IC_JOBNAME) ? val_str_data(arg(k, IC_JOBNAME)) : NULL;
    if (s.name && !*s.name) s.name = NULL;
    s.command = code.command;
    s.script = code.script;
    s.args = args_of(k, IC_ARGS);
    s.usings = code.usings;
    s.input = input;
    s.computers = n ? names : local;
    s.ncomputers = n ? n : 1;
    s.throttle = given(k, IC_THROTTLE) ? int_of(arg(k, IC_THROTTLE)) : 0;
    s.hide_computer = flag(k, IC_HIDECN);
    Job *j = jobrun_start_remote(t, &s);
    if (flag(k, IC_ASJOB) || given(k, IC_JOBNAME)) {
        st = emit_job(c, j);
    } else {
        while (!job_state_is_finished(job_state(j)) && !(st = wait_events(c, t, 100)))
            ;
        Recv r = {c, ST_OK};
        if (!st) job_receive(j, 0, recv_emit, &r);
        if (!st) st = r.st;
        job_stop(j); /* Ctrl+C: the remote command ends too */
        job_table_detach(t, j);
    }
    job_unref(j);
    val_unref(input);
    for (size_t i = 0; i < n; i++)
        val_unref(strs[i]);
    free(strs);
    free(names);
    code_free(&code);
    return st;
}

/* Invoke-Command [-ScriptBlock] <scriptblock> [-NoNewScope] [-InputObject <psobject>]
 *                [-ArgumentList <Object[]>]
 * Invoke-Command [[-ComputerName] <string[]>] [-ScriptBlock] <scriptblock> [-AsJob]
 *                [-JobName <string>] [-ThrottleLimit <int>] [-HideComputerName] (or -FilePath) */
static Status invoke_command_body(CmdCtx *c, Call *k)
{
    const char *set = bind_set(k->b);
    int inproc = set && strcmp(set, "InProcess") == 0;
    if (c->phase == CMD_PROCESS) {
        if (inproc) return invoke_local(c, k);
        collect_input(c, k, IC_INPUT);
        return ST_OK;
    }
    return inproc ? ST_OK : invoke_remote(c, k);
}

static Status invoke_command(CmdCtx *c)
{
    return run_cmd(c, &invoke_decl, invoke_command_body);
}

/* ================================================================ ForEach-Object -Parallel ==== */

Status jobcmds_usings(CmdCtx *c, const char *cmdlet, Value sb, Value *usings)
{
    return collect_usings(c, cmdlet, scriptblock_node(sb), usings);
}

Job *jobcmds_start_thread(JobTable *t, const JobRunSpec *s)
{
    return jobrun_start_thread(t, s, thread_runspace, NULL);
}

Status jobcmds_receive(CmdCtx *c, Job *j)
{
    Recv r = {c, ST_OK};
    job_receive(j, 0, recv_emit, &r);
    return r.st;
}

/* ================================================================ the table ==== */

void jobcmds_register_views(void)
{
    job_register_views();
}

const CmdDef jobcmds_table[] = {
    {"Start-Job", "sajb", start_job, NULL, 0},
    {"Get-Job", "gjb", get_job, NULL, 0},
    {"Receive-Job", "rcjb", receive_job, NULL, 0},
    {"Wait-Job", "wjb", wait_job, NULL, 0},
    {"Stop-Job", "spjb", stop_job, NULL, 0},
    {"Remove-Job", "rjb", remove_job, NULL, 0},
    {"Start-ThreadJob", NULL, start_threadjob, NULL, 0},
    {"Invoke-Command", "icm", invoke_command, NULL, 0},
};
const int jobcmds_count = NPARAMS(jobcmds_table);
