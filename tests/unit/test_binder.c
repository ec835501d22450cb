/*
** test_binder: the parameter binder (runtime/binder.h) on the six job cmdlets of jobs.md
** section 3, with their own declarations (jobcmds_decl) and real job objects (not started),
** plus a few test commands: named/prefix/alias matching, switches, arrays,
** conversions and their errors, validation, positional binding directed by type and set,
** set resolution, splatting, remaining arguments, pipeline binding, syntax lines, and the
** run-time declaration builder for script functions.
** 2026-11-24, cmdlet issue (binder).
*/
#include "runtime/binder.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmdlets/jobcmds.h"
#include "jobs/job.h"
#include "runtime/array.h"
#include "runtime/hashtable.h"
#include "runtime/mem.h"
#include "runtime/members_kinds.h"
#include "runtime/object.h"
#include "runtime/scriptblock.h"
#include "tests/unit/check.h"

/* Set a property of a PSCustomObject, consuming v. */
static void setp(Value o, const char *name, size_t len, Value v)
{
    object_set_prop(o, name, len, v);
    val_unref(v);
}

/* ================================================================ the job cmdlets ==== */

/* The job cmdlets' own declarations (jobcmds_decl), copied by main. */
static CmdDecl getjob, waitjob, stopjob, removejob, receivejob, startjob;

#define SID  "SessionIdParameterSet"
#define IID  "InstanceIdParameterSet"
#define NAME "NameParameterSet"
#define STAT "StateParameterSet"
#define CMDS "CommandParameterSet"
#define FILT "FilterParameterSet"
#define JOBS "JobParameterSet"
#define M    BP_MANDATORY

/* The type of parameter name of d (an enum or class outside TypeId). */
static const BindType *param_type(const CmdDecl *d, const char *name)
{
    for (int i = 0; i < d->nparams; i++)
        if (strcmp(d->params[i].name, name) == 0) return d->params[i].ext;
    return NULL;
}

/* A test command for the remaining validation attributes and remaining arguments. */
static const ParamDecl testv_params[] = {
    {.name = "Color",
     .type = TY_STRING,
     .vset = (const char *const[]){"Red", "Green", "Blue", NULL},
     .in = {{BIND_ALLSETS, BIND_POS(0), 0}}},
    {.name = "Level", .type = TY_INT32, .is_array = 1, .range = {1, 1, 10}},
    {.name = "Tags", .type = TY_STRING, .is_array = 1, .count = {1, 1, 3}},
    {.name = "Code", .type = TY_STRING, .pattern = "^[a-z]+[0-9]$"},
    {.name = "Label", .type = TY_STRING, .vflags = BV_NOTNULLOREMPTY},
    {.name = "Obj", .type = TY_OBJECT, .vflags = BV_NOTNULL},
    {.name = "Exact",
     .type = TY_STRING,
     .vflags = BV_SET_CASE,
     .vset = (const char *const[]){"abc", NULL}},
    {.name = "Rest", .type = TY_OBJECT, .is_array = 1, .in = {{BIND_ALLSETS, 0, BP_REMAINING}}},
    {.name = "Pair", .type = TY_OBJECT, .is_array = 1, .count = {1, 2, 2}},
};
static const CmdDecl testv = {"Test-V", NULL, testv_params, 9, NULL, 0};

/* Two typed positions, for positional conversion failures. */
static const ParamDecl testpos_params[] = {
    {.name = "Count", .type = TY_INT32, .in = {{BIND_ALLSETS, BIND_POS(0), 0}}},
    {.name = "Size", .type = TY_INT32, .in = {{BIND_ALLSETS, BIND_POS(1), 0}}},
};
static const CmdDecl testpos = {"Test-Pos", NULL, testpos_params, 2, NULL, 0};

/* Two sets without a default: ambiguity by mandatory parameters. */
static const ParamDecl nodef_params[] = {
    {.name = "A", .type = TY_STRING, .in = {{"SetA", 0, M}}},
    {.name = "B", .type = TY_STRING, .in = {{"SetB", 0, M}}},
    {.name = "C", .type = TY_STRING, .in = {{"SetA", 0, 0}, {"SetB", 0, 0}}},
    {.name = "Opt", .type = TY_STRING, .in = {{"SetC", 0, 0}}},
};
static const CmdDecl nodef = {"Test-NoDefault", NULL, nodef_params, 4, NULL, 0};

/* ================================================================ the harness ==== */

static Node nodes[32];
static BindArg A[32];
static int NA;
static Binder *B;
static BindPlan *P;
static BindError E;
static Value J3, J5; /* test jobs (jobs_make) */

static Value scalar(const char *t)
{
    char *end;
    if (strcmp(t, "$true") == 0) return val_bool(1);
    if (strcmp(t, "$false") == 0) return val_bool(0);
    if (strcmp(t, "$null") == 0) return val_null();
    if (strcmp(t, "$j") == 0) return val_ref(J3);
    if (strcmp(t, "$j5") == 0) return val_ref(J5);
    if (strcmp(t, "@{}") == 0) return ht_new(0);
    if (strcmp(t, "''") == 0) return val_str("");
    if (t[0] == '{') return scriptblock_new(NULL, NULL, t + 1, strlen(t) - 2);
    long n = strtol(t, &end, 10);
    if (*t && !*end && t[0] != '+') return val_int((int32_t)n);
    if (t[0] == '\'') return val_str_n(t + 1, strlen(t) - 2);
    return val_str(t);
}

/* "a,b,c" is an object[]; one item is a scalar.  '~' stands for a space inside a token. */
static Value value_of(const char *tok)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s", tok);
    for (char *p = buf; *p; p++)
        if (*p == '~') *p = ' ';
    size_t n = strlen(buf);
    int quoted = buf[0] == '\'' && strchr(buf + 1, '\'') == buf + n - 1;
    if (!strchr(buf, ',') || quoted) return scalar(buf);
    Value a = arr_new(TY_OBJECT, 4);
    char *save = NULL;
    for (char *s = strtok_r(buf, ",", &save); s; s = strtok_r(NULL, ",", &save))
        arr_push_take(a, scalar(s));
    return a;
}

static void add_arg(const char *name, size_t nlen, Value v, int has_val, int splat)
{
    BindArg *a = &A[NA];
    a->name = name;
    a->nlen = nlen;
    a->val = v;
    a->has_val = has_val;
    a->node = &nodes[NA];
    a->splat = splat;
    NA++;
}

/* Tokens: -Name, -Name:value, value, @Name=value (hashtable splat), @@value (array splat). */
static void parse_args(char *s)
{
    char *save = NULL;
    for (char *t = strtok_r(s, " ", &save); t; t = strtok_r(NULL, " ", &save)) {
        if (t[0] == '-' && t[1] && !(t[1] >= '0' && t[1] <= '9')) {
            char *colon = strchr(t, ':');
            size_t nlen = colon ? (size_t)(colon - t - 1) : strlen(t + 1);
            add_arg(t + 1, nlen, colon ? value_of(colon + 1) : val_null(), colon != NULL, 0);
        } else if (t[0] == '@' && t[1] == '@') {
            add_arg(NULL, 0, value_of(t + 2), 1, 1);
        } else if (t[0] == '@' && strchr(t, '=')) {
            char *eq = strchr(t, '=');
            add_arg(t + 1, (size_t)(eq - t - 1), value_of(eq + 1), 1, 1);
        } else {
            add_arg(NULL, 0, value_of(t), 1, 0);
        }
    }
}

static char argbuf[512];

static void done(void)
{
    for (int i = 0; i < NA; i++)
        val_unref(A[i].val);
    NA = 0;
    bind_free(B);
    bind_plan_free(P);
    B = NULL;
    P = NULL;
}

/* Bind args (a copy is tokenized) for decl; returns bind_args' result.  The binder stays in B
 * until the next call. */
static int run(const CmdDecl *d, const char *args, int piped)
{
    done();
    snprintf(argbuf, sizeof argbuf, "%s", args);
    memset(&E, 0, sizeof E);
    P = bind_plan_new(d);
    B = bind_new(P);
    parse_args(argbuf);
    return bind_args(B, A, NA, piped, &E);
}

/* The bound value of parameter name as "Type value" ("Int32[] 1,2"), "-" when unbound. */
static const char *shown(const char *name)
{
    static char out[512];
    int k = bind_plan_find(P, name);
    if (k < 0 || !bind_bound(B, k)) return "-";
    Value v = bind_value(B, k);
    StrBuf sb = {0};
    sb_printf(&sb, "%s ", val_is_null(v) ? "null" : val_type_name(v));
    if (val_is_array(v))
        for (size_t i = 0; i < arr_len(v); i++) {
            if (i) sb_putc(&sb, ',');
            convert_append_scalar(arr_peek(v, i), &sb);
        }
    else
        convert_append_scalar(v, &sb);
    snprintf(out, sizeof out, "%s", sb_str(&sb));
    sb_free(&sb);
    return out;
}

#define OK(d, args)                                                                                \
    do {                                                                                           \
        int rc_ = run(&(d), args, 0);                                                              \
        CHECK(rc_ == 0);                                                                           \
        if (rc_) fprintf(stderr, "  %s %s: %s\n", (d).name, args, E.msg);                          \
    } while (0)
#define FAILS(d, args, want_fqid, want_msg)                                                        \
    do {                                                                                           \
        CHECK(run(&(d), args, 0) == -1);                                                           \
        CHECK_STR(E.fqid, want_fqid);                                                              \
        CHECK_STR(E.msg, want_msg);                                                                \
    } while (0)
#define SET(name)    CHECK_STR(bind_set(B) ? bind_set(B) : "(none)", name)
#define VAL(p, want) CHECK_STR(shown(p), want)

/* ================================================================ tests ==== */

static void test_named(void)
{
    OK(getjob, "");
    SET(SID);
    VAL("Id", "-");
    OK(getjob, "-Id 3");
    SET(SID);
    VAL("Id", "Int32[] 3");
    OK(getjob, "-id:1,2,3");
    VAL("Id", "Int32[] 1,2,3");
    OK(getjob, "-ID 4");
    VAL("Id", "Int32[] 4");
    /* unique prefixes and aliases */
    OK(getjob, "-Inc");
    VAL("IncludeChildJob", "Boolean True");
    SET(SID);
    OK(getjob, "-Inc:$false");
    VAL("IncludeChildJob", "Boolean False");
    OK(getjob, "-Nam a*,b");
    VAL("Name", "String[] a*,b");
    SET(NAME);
    OK(getjob, "-Ne 2");
    VAL("Newest", "Int32 2");
    SET(SID);
    OK(waitjob, "-TimeoutSec 5 -Id 1");
    VAL("Timeout", "Int32 5");
    OK(waitjob, "-ti 7 -Id 1");
    VAL("Timeout", "Int32 7");
    OK(removejob, "-F -Id 1");
    VAL("Force", "Boolean True");
    OK(receivejob, "-Cn a,b $j");
    VAL("ComputerName", "String[] a,b");
    SET("ComputerName");
    OK(startjob, "-LP y");
    VAL("LiteralPath", "String y");
    OK(startjob, "-Command {x}");
    VAL("ScriptBlock", "ScriptBlock x");
    /* exact match wins over a longer name with the same prefix: -Name vs -Newest? not a prefix;
       -Id is exact even though -IncludeChildJob and -InstanceId start with I */
    OK(getjob, "-Id 9");
    VAL("Id", "Int32[] 9");
}

static void test_named_errors(void)
{
    FAILS(getjob, "-Bogus 1", "NamedParameterNotFound,Microsoft.PowerShell.Commands.GetJobCommand",
          "A parameter cannot be found that matches parameter name 'Bogus'.");
    CHECK(E.node == &nodes[0]);
    CHECK_STR(E.id, "NamedParameterNotFound");
    CHECK(E.cat == ERRCAT_INVALIDARGUMENT);
    FAILS(getjob, "-i 1", "AmbiguousParameter,Microsoft.PowerShell.Commands.GetJobCommand",
          "Parameter cannot be processed because the parameter name 'i' is ambiguous. Possible "
          "matches include: -Id -IncludeChildJob -InstanceId -InformationAction "
          "-InformationVariable.");
    FAILS(getjob, "-N 2", "AmbiguousParameter,Microsoft.PowerShell.Commands.GetJobCommand",
          "Parameter cannot be processed because the parameter name 'N' is ambiguous. Possible "
          "matches include: -Newest -Name.");
    FAILS(startjob, "-Command x",
          "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.StartJobCommand",
          "Cannot bind parameter 'ScriptBlock'. Cannot convert the \"x\" value of type "
          "\"System.String\" to type \"System.Management.Automation.ScriptBlock\".");
    FAILS(getjob, "-In x", "AmbiguousParameter,Microsoft.PowerShell.Commands.GetJobCommand",
          "Parameter cannot be processed because the parameter name 'In' is ambiguous. Possible "
          "matches include: -IncludeChildJob -InstanceId -InformationAction "
          "-InformationVariable.");
    FAILS(waitjob, "-Id 1 -Id 2",
          "ParameterAlreadyBound,Microsoft.PowerShell.Commands.WaitJobCommand",
          "Cannot bind parameter because parameter 'Id' is specified more than once. To provide "
          "multiple values to parameters that can accept multiple values, use the array syntax. "
          "For example, \"-parameter value1,value2,value3\".");
    CHECK(E.node == &nodes[2]);
    FAILS(waitjob, "-Id", "MissingArgument,Microsoft.PowerShell.Commands.WaitJobCommand",
          "Missing an argument for parameter 'Id'. Specify a parameter of type 'System.Int32[]' "
          "and try again.");
    FAILS(getjob, "-State", "MissingArgument,Microsoft.PowerShell.Commands.GetJobCommand",
          "Missing an argument for parameter 'State'. Specify a parameter of type "
          "'System.Management.Automation.JobState' and try again.");
    CHECK_STR(E.param, "State");
    /* a bare -Name followed by another -Name has no value */
    FAILS(getjob, "-Name -Inc", "MissingArgument,Microsoft.PowerShell.Commands.GetJobCommand",
          "Missing an argument for parameter 'Name'. Specify a parameter of type "
          "'System.String[]' and try again.");
    /* parameters of different sets together */
    FAILS(getjob, "-Id 1 -Name x",
          "AmbiguousParameterSet,Microsoft.PowerShell.Commands.GetJobCommand",
          "Parameter set cannot be resolved using the specified named parameters. One or more "
          "parameters issued cannot be used together or an insufficient number of parameters were "
          "provided.");
    CHECK(E.node == &nodes[2]);
    FAILS(getjob, "-Filter @{} -Inc",
          "AmbiguousParameterSet,Microsoft.PowerShell.Commands.GetJobCommand",
          "Parameter set cannot be resolved using the specified named parameters. One or more "
          "parameters issued cannot be used together or an insufficient number of parameters were "
          "provided.");
    FAILS(receivejob, "-Cn a -Location b $j",
          "AmbiguousParameterSet,Microsoft.PowerShell.Commands.ReceiveJobCommand",
          "Parameter set cannot be resolved using the specified named parameters. One or more "
          "parameters issued cannot be used together or an insufficient number of parameters were "
          "provided.");
    FAILS(removejob, "-State Running -Force",
          "AmbiguousParameterSet,Microsoft.PowerShell.Commands.RemoveJobCommand",
          "Parameter set cannot be resolved using the specified named parameters. One or more "
          "parameters issued cannot be used together or an insufficient number of parameters were "
          "provided.");
}

static void test_switches(void)
{
    OK(receivejob, "$j -Keep -Wait:$true -Force:$false");
    VAL("Keep", "Boolean True");
    VAL("Wait", "Boolean True");
    VAL("Force", "Boolean False");
    VAL("NoRecurse", "-");
    CHECK(bind_bound(B, bind_plan_find(P, "Force")) == 1);
    OK(receivejob, "$j -Keep:0");
    VAL("Keep", "Boolean False");
    OK(receivejob, "$j -Keep:1");
    VAL("Keep", "Boolean True");
    /* a switch takes no value: the next word stays positional */
    OK(receivejob, "-Keep $j");
    VAL("Keep", "Boolean True");
    VAL("Job", "Object[] System.Management.Automation.PSRemotingJob");
    /* switches are never positional */
    FAILS(stopjob, "-Id 1 $true",
          "PositionalParameterNotFound,Microsoft.PowerShell.Commands.StopJobCommand",
          "A positional parameter cannot be found that accepts argument 'True'.");
    CHECK(E.node == &nodes[2]);
}

static void test_conversion(void)
{
    OK(getjob, "-Id 1,2,3");
    VAL("Id", "Int32[] 1,2,3");
    OK(getjob, "-Id '7'");
    VAL("Id", "Int32[] 7");
    OK(getjob, "-Id '1',2");
    VAL("Id", "Int32[] 1,2");
    OK(getjob, "-Name 5");
    VAL("Name", "String[] 5");
    OK(getjob, "-Name a,b,c");
    VAL("Name", "String[] a,b,c");
    OK(getjob, "-HasMoreData $false");
    VAL("HasMoreData", "Boolean False");
    OK(getjob, "-Newest '12'");
    VAL("Newest", "Int32 12");
    OK(getjob, "-Before 2024-01-02");
    VAL("Before", "DateTime 01/02/2024 00:00:00");
    OK(getjob, "-State completed");
    VAL("State", "String Completed");
    SET(STAT);
    OK(getjob, "-State ~Failed~");
    VAL("State", "String Failed");
    OK(getjob, "-State 4");
    VAL("State", "String Stopped");
    OK(getjob, "-ChildJobState running -Inc");
    VAL("ChildJobState", "String Running");
    SET(SID);
    OK(getjob, "-InstanceId 11111111-2222-3333-4444-555555555555");
    VAL("InstanceId", "Object[] 11111111-2222-3333-4444-555555555555");
    SET(IID);
    OK(startjob, "-Authentication kerberos {x}");
    VAL("Authentication", "String Kerberos");
    OK(getjob, "-Filter @{}");
    VAL("Filter", "Hashtable System.Collections.Hashtable");
    SET(FILT);
    OK(startjob, "-ArgumentList 1,a -Name n x");
    VAL("ArgumentList", "Object[] 1,a");
    VAL("Name", "String n");
    OK(startjob, "-ArgumentList 5 x");
    VAL("ArgumentList", "Object[] 5");
    FAILS(getjob, "-Name $null",
          "ParameterArgumentValidationErrorNullNotAllowed,Microsoft.PowerShell.Commands."
          "GetJobCommand",
          "Cannot bind argument to parameter 'Name' because it is null.");
    CHECK(E.cat == ERRCAT_INVALIDDATA);
    FAILS(getjob, "-Name ''",
          "ParameterArgumentValidationErrorEmptyStringNotAllowed,Microsoft.PowerShell.Commands."
          "GetJobCommand",
          "Cannot bind argument to parameter 'Name' because it is an empty string.");
    OK(getjob, "-Id $null");
    VAL("Id", "null ");
    OK(getjob, "-Command ''");
    VAL("Command", "String[] ");
    OK(stopjob, "-Job $j,$j5");
    VAL("Job",
        "Object[] "
        "System.Management.Automation.PSRemotingJob,System.Management.Automation.PSRemotingJob");
    SET(JOBS);
}

/* [bool] and [switch] take Booleans and numbers only. */
static void test_bool_params(void)
{
    OK(getjob, "-HasMoreData 1");
    VAL("HasMoreData", "Boolean True");
    OK(getjob, "-HasMoreData 0");
    VAL("HasMoreData", "Boolean False");
    OK(getjob, "-HasMoreData:$true");
    VAL("HasMoreData", "Boolean True");
    FAILS(getjob, "-HasMoreData false",
          "ParameterArgumentTransformationError,Microsoft.PowerShell.Commands.GetJobCommand",
          "Cannot process argument transformation on parameter 'HasMoreData'. Cannot convert "
          "value \"System.String\" to type \"System.Boolean\". Boolean parameters accept only "
          "Boolean values and numbers, such as $True, $False, 1 or 0.");
    CHECK(E.cat == ERRCAT_INVALIDDATA);
    FAILS(getjob, "-HasMoreData 1,0",
          "ParameterArgumentTransformationError,Microsoft.PowerShell.Commands.GetJobCommand",
          "Cannot process argument transformation on parameter 'HasMoreData'. Cannot convert "
          "value \"System.Object[]\" to type \"System.Boolean\". Boolean parameters accept only "
          "Boolean values and numbers, such as $True, $False, 1 or 0.");
    FAILS(receivejob, "$j -Force:yes",
          "ParameterArgumentTransformationError,Microsoft.PowerShell.Commands.ReceiveJobCommand",
          "Cannot process argument transformation on parameter 'Force'. Cannot convert value "
          "\"System.String\" to type \"System.Management.Automation.SwitchParameter\". Boolean "
          "parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.");
    CHECK(E.node == &nodes[1]);
    FAILS(receivejob, "$j @Wait=@{}",
          "ParameterArgumentTransformationError,Microsoft.PowerShell.Commands.ReceiveJobCommand",
          "Cannot process argument transformation on parameter 'Wait'. Cannot convert value "
          "\"System.Collections.Hashtable\" to type "
          "\"System.Management.Automation.SwitchParameter\". Boolean parameters accept only "
          "Boolean values and numbers, such as $True, $False, 1 or 0.");
    OK(receivejob, "$j -Wait:$null");
    VAL("Wait", "Boolean False");
}

static void test_conversion_errors(void)
{
    FAILS(getjob, "-Id abc",
          "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands."
          "GetJobCommand",
          "Cannot bind parameter 'Id'. Cannot convert value \"abc\" to type \"System.Int32\". "
          "Error: \"The input string 'abc' was not in a correct format.\"");
    CHECK_STR(E.param, "Id");
    CHECK(E.cat == ERRCAT_INVALIDARGUMENT);
    CHECK(E.node == &nodes[0]);
    FAILS(getjob, "-Id 1,x",
          "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands."
          "GetJobCommand",
          "Cannot bind parameter 'Id'. Cannot convert value \"x\" to type \"System.Int32\". "
          "Error: \"The input string 'x' was not in a correct format.\"");
    FAILS(getjob, "-State Foo",
          "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.GetJobCommand",
          "Cannot bind parameter 'State'. Cannot convert value \"Foo\" to type "
          "\"System.Management.Automation.JobState\". Error: \"Unable to match the identifier "
          "name Foo to a valid enumerator name. Specify one of the following enumerator names and "
          "try again:\nNotStarted, Running, Completed, Failed, Stopped, Blocked, Suspended, "
          "Disconnected, Suspending, Stopping, AtBreakpoint\"");
    FAILS(getjob, "-ChildJobState 99",
          "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.GetJobCommand",
          "Cannot bind parameter 'ChildJobState'. Cannot convert value \"99\" to type "
          "\"System.Management.Automation.JobState\". Error: \"Unable to match the identifier "
          "name 99 to a valid enumerator name. Specify one of the following enumerator names and "
          "try again:\nNotStarted, Running, Completed, Failed, Stopped, Blocked, Suspended, "
          "Disconnected, Suspending, Stopping, AtBreakpoint\"");
    FAILS(getjob, "-InstanceId nope",
          "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.GetJobCommand",
          "Cannot bind parameter 'InstanceId'. Cannot convert value \"nope\" to type "
          "\"System.Guid\". Error: \"Guid should contain 32 digits with 4 dashes "
          "(xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).\"");
    FAILS(stopjob, "-Job 3",
          "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.StopJobCommand",
          "Cannot bind parameter 'Job'. Cannot convert the \"3\" value of type \"System.Int32\" "
          "to type \"System.Management.Automation.Job\".");
    FAILS(getjob, "-Newest a,b",
          "CannotConvertArgument,Microsoft.PowerShell.Commands.GetJobCommand",
          "Cannot convert 'System.Object[]' to the type 'System.Int32' required by parameter "
          "'Newest'. Specified method is not supported.");
    FAILS(startjob, "-Name a,b {x}",
          "CannotConvertArgument,Microsoft.PowerShell.Commands.StartJobCommand",
          "Cannot convert 'System.Object[]' to the type 'System.String' required by parameter "
          "'Name'. Specified method is not supported.");
    FAILS(getjob, "-ErrorAction Sometimes",
          "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.GetJobCommand",
          "Cannot bind parameter 'ErrorAction'. Cannot convert value \"Sometimes\" to type "
          "\"System.Management.Automation.ActionPreference\". Error: \"Unable to match the "
          "identifier name Sometimes to a valid enumerator name. Specify one of the following "
          "enumerator names and try again:\nSilentlyContinue, Stop, Continue, Inquire, Ignore, "
          "Suspend, Break\"");
}

static void test_validation(void)
{
    FAILS(waitjob, "-Id 1 -Timeout -5",
          "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.WaitJobCommand",
          "Cannot validate argument on parameter 'Timeout'. The -5 argument is less than the "
          "minimum allowed range of -1. Supply an argument that is greater than or equal to -1 and "
          "then try the command again.");
    CHECK(E.cat == ERRCAT_INVALIDDATA);
    CHECK_STR(E.param, "Timeout");
    OK(waitjob, "-Id 1 -Timeout -1");
    VAL("Timeout", "Int32 -1");
    OK(waitjob, "-Id 1 -Timeout 0");
    VAL("Timeout", "Int32 0");
    FAILS(
        testv, "Purple", "ParameterArgumentValidationError,Test-V",
        "Cannot validate argument on parameter 'Color'. The argument \"Purple\" does not belong "
        "to the set \"Red,Green,Blue\" specified by the ValidateSet attribute. Supply an argument "
        "that is in the set and then try the command again.");
    OK(testv, "green");
    VAL("Color", "String green");
    OK(testv, "-Level 1,5,10");
    VAL("Level", "Int32[] 1,5,10");
    FAILS(testv, "-Level 3,11", "ParameterArgumentValidationError,Test-V",
          "Cannot validate argument on parameter 'Level'. The 11 argument is greater than the "
          "maximum allowed range of 10. Supply an argument that is less than or equal to 10 and "
          "then try the command again.");
    FAILS(testv, "-Tags a,b,c,d", "ParameterArgumentValidationError,Test-V",
          "Cannot validate argument on parameter 'Tags'. The parameter requires at least 1 "
          "value(s) and no more than 3 value(s) - 4 value(s) were provided.");
    FAILS(testv, "-Tags:$null", "ParameterArgumentValidationError,Test-V",
          "Cannot validate argument on parameter 'Tags'. The parameter requires at least 1 "
          "value(s) and no more than 3 value(s) - 0 value(s) were provided.");
    FAILS(testv, "-Pair a", "ParameterArgumentValidationError,Test-V",
          "Cannot validate argument on parameter 'Pair'. The parameter requires exactly 2 "
          "value(s) - 1 value(s) were provided.");
    OK(testv, "-Pair a,b");
    VAL("Pair", "Object[] a,b");
    OK(testv, "-Tags a,b,c");
    VAL("Tags", "String[] a,b,c");
    OK(testv, "-Tags a");
    VAL("Tags", "String[] a");
    FAILS(
        testv, "-Code ab", "ParameterArgumentValidationError,Test-V",
        "Cannot validate argument on parameter 'Code'. The argument \"ab\" does not match the "
        "\"^[a-z]+[0-9]$\" pattern. Supply an argument that matches \"^[a-z]+[0-9]$\" and try the "
        "command again.");
    OK(testv, "-Code AB7");
    VAL("Code", "String AB7");
    FAILS(
        testv, "-Label ''", "ParameterArgumentValidationError,Test-V",
        "Cannot validate argument on parameter 'Label'. The argument is null or empty. Provide an "
        "argument that is not null or empty, and then try the command again.");
    FAILS(
        testv, "-Obj $null", "ParameterArgumentValidationError,Test-V",
        "Cannot validate argument on parameter 'Obj'. The argument is null. Provide a valid value "
        "for the argument, and then try running the command again.");
    OK(testv, "-Exact abc");
    FAILS(testv, "-Exact ABC", "ParameterArgumentValidationError,Test-V",
          "Cannot validate argument on parameter 'Exact'. The argument \"ABC\" does not belong to "
          "the set \"abc\" specified by the ValidateSet attribute. Supply an argument that is in "
          "the set and then try the command again.");
    FAILS(startjob, "-WorkingDirectory ~~ {x}",
          "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.StartJobCommand",
          "Cannot validate argument on parameter 'WorkingDirectory'. The argument is null, empty, "
          "or consists of only white-space characters. Provide an argument that contains non "
          "white-space characters, and then try the command again.");
}

/* Positional binding chooses a set by the argument's type (jobs.md 3.0, 3.5). */
static void test_positional(void)
{
    OK(waitjob, "3");
    SET(SID);
    VAL("Id", "Int32[] 3");
    VAL("Job", "-");
    OK(waitjob, "$j");
    SET(JOBS);
    VAL("Job", "Object[] System.Management.Automation.PSRemotingJob");
    VAL("Id", "-");
    OK(waitjob, "$j,$j5 -Any");
    SET(JOBS);
    VAL("Any", "Boolean True");
    OK(waitjob, "1,2");
    SET(SID);
    VAL("Id", "Int32[] 1,2");
    OK(waitjob, "abc");
    SET(NAME);
    VAL("Name", "String[] abc");
    /* a string that looks like a number still goes to -Name: no coercion first */
    OK(getjob, "'3'");
    SET(NAME);
    VAL("Name", "String[] 3");
    OK(getjob, "3");
    SET(SID);
    VAL("Id", "Int32[] 3");
    /* Get-Job $j: no set takes a job without coercion; with coercion -Id fails, -Name works */
    OK(getjob, "$j");
    SET(NAME);
    VAL("Name", "String[] System.Management.Automation.PSRemotingJob");
    OK(getjob, "@{}");
    SET(FILT);
    OK(receivejob, "$j loc1,loc2");
    SET("Location");
    VAL("Job", "Object[] System.Management.Automation.PSRemotingJob");
    VAL("Location", "String[] loc1,loc2");
    OK(receivejob, "-Location x $j");
    VAL("Job", "Object[] System.Management.Automation.PSRemotingJob");
    OK(receivejob, "7");
    SET(SID);
    VAL("Id", "Int32[] 7");
    OK(startjob, "{x} {init}");
    SET("ComputerName");
    VAL("ScriptBlock", "ScriptBlock x");
    VAL("InitializationScript", "ScriptBlock init");
    OK(startjob, "-DefinitionName d p t");
    SET("DefinitionName");
    VAL("DefinitionPath", "String p");
    VAL("Type", "String t");
    /* named first, positionals fill what is left */
    OK(receivejob, "-Job $j loc");
    VAL("Location", "String[] loc");
    FAILS(waitjob, "1 2",
          "PositionalParameterNotFound,Microsoft.PowerShell.Commands.WaitJobCommand",
          "A positional parameter cannot be found that accepts argument '2'.");
    CHECK(E.node == &nodes[1]);
    FAILS(getjob, "-Name a b",
          "PositionalParameterNotFound,Microsoft.PowerShell.Commands.GetJobCommand",
          "A positional parameter cannot be found that accepts argument 'b'.");
    FAILS(getjob, "-Inc 1 2",
          "PositionalParameterNotFound,Microsoft.PowerShell.Commands.GetJobCommand",
          "A positional parameter cannot be found that accepts argument '2'.");
    /* no parameter at the position converts the argument: the first conversion error */
    FAILS(stopjob, "-PassThru -Job 1",
          "CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.StopJobCommand",
          "Cannot bind parameter 'Job'. Cannot convert the \"1\" value of type \"System.Int32\" to "
          "type \"System.Management.Automation.Job\".");
    FAILS(receivejob, "-Keep -Job $j 1,2 3",
          "PositionalParameterNotFound,Microsoft.PowerShell.Commands.ReceiveJobCommand",
          "A positional parameter cannot be found that accepts argument '3'.");
}

static void test_syntax_line(const CmdDecl *d, int k, const char *want);

/* An argument that no parameter at its position takes is left over; the next position takes
 * the next argument; a leftover reports the latest positional conversion failure. */
static void test_positional_failures(void)
{
    FAILS(testpos, "abc", "CannotConvertArgumentNoMessage,Test-Pos",
          "Cannot bind parameter 'Count'. Cannot convert value \"abc\" to type \"System.Int32\". "
          "Error: \"The input string 'abc' was not in a correct format.\"");
    CHECK(E.node == &nodes[0]);
    FAILS(testpos, "1 x", "CannotConvertArgumentNoMessage,Test-Pos",
          "Cannot bind parameter 'Size'. Cannot convert value \"x\" to type \"System.Int32\". "
          "Error: \"The input string 'x' was not in a correct format.\"");
    CHECK(E.node == &nodes[1]);
    /* x is skipped, 2 goes to -Size; the failure at position 0 is forgotten */
    FAILS(testpos, "x 2", "PositionalParameterNotFound,Test-Pos",
          "A positional parameter cannot be found that accepts argument 'x'.");
    CHECK(run(&testpos, "x 2", 0) == -1);
    VAL("Size", "Int32 2");
    VAL("Count", "-");
    OK(testpos, "'4' 5");
    VAL("Count", "Int32 4");
    VAL("Size", "Int32 5");
    FAILS(testpos, "1 2 3", "PositionalParameterNotFound,Test-Pos",
          "A positional parameter cannot be found that accepts argument '3'.");
    OK(testpos, "-Size 1 2");
    VAL("Count", "Int32 2");
    VAL("Size", "Int32 1");
    /* a validation failure at a position is reported at once */
    FAILS(testv, "Pink 2", "ParameterArgumentValidationError,Test-V",
          "Cannot validate argument on parameter 'Color'. The argument \"Pink\" does not belong "
          "to the set \"Red,Green,Blue\" specified by the ValidateSet attribute. Supply an "
          "argument that is in the set and then try the command again.");
    test_syntax_line(&testpos, 0, "Test-Pos [[-Count] <int>] [[-Size] <int>] [<CommonParameters>]");
}

static void test_mandatory(void)
{
    FAILS(waitjob, "", "MissingMandatoryParameter,Microsoft.PowerShell.Commands.WaitJobCommand",
          "Cannot process command because of one or more missing mandatory parameters: Id.");
    CHECK(E.node == NULL);
    FAILS(waitjob, "-Any -Timeout 1",
          "MissingMandatoryParameter,Microsoft.PowerShell.Commands.WaitJobCommand",
          "Cannot process command because of one or more missing mandatory parameters: Id.");
    FAILS(removejob, "-Force",
          "MissingMandatoryParameter,Microsoft.PowerShell.Commands.RemoveJobCommand",
          "Cannot process command because of one or more missing mandatory parameters: Id.");
    FAILS(receivejob, "-Keep",
          "MissingMandatoryParameter,Microsoft.PowerShell.Commands.ReceiveJobCommand",
          "Cannot process command because of one or more missing mandatory parameters: Job.");
    FAILS(startjob, "-Name x",
          "MissingMandatoryParameter,Microsoft.PowerShell.Commands.StartJobCommand",
          "Cannot process command because of one or more missing mandatory parameters: "
          "ScriptBlock.");
    FAILS(receivejob, "-Location x",
          "MissingMandatoryParameter,Microsoft.PowerShell.Commands.ReceiveJobCommand",
          "Cannot process command because of one or more missing mandatory parameters: Job.");
    OK(getjob, "-IncludeChildJob -Newest 3");
    SET(SID);
    OK(startjob, "-LiteralPath a.ps1");
    SET("LiteralFilePathComputerName");
    VAL("LiteralPath", "String a.ps1");
    OK(startjob, "-FilePath a.ps1 {init}");
    SET("FilePathComputerName");
    VAL("InitializationScript", "ScriptBlock init");
    /* no default set: resolved by the mandatory parameters that are bound */
    OK(nodef, "-A x");
    SET("SetA");
    OK(nodef, "-B x -C y");
    SET("SetB");
    OK(nodef, "-Opt o");
    SET("SetC");
    FAILS(nodef, "-C y", "AmbiguousParameterSet,Test-NoDefault",
          "Parameter set cannot be resolved using the specified named parameters. One or more "
          "parameters issued cannot be used together or an insufficient number of parameters were "
          "provided.");
    /* the only set whose mandatory parameters are all bound: SetC has none */
    OK(nodef, "");
    SET("SetC");
    /* piped: pipeline parameters are not required yet, the set waits for the input */
    CHECK(run(&waitjob, "", 1) == 0);
    SET(SID); /* tentative: the default set */
    CHECK(run(&getjob, "-Name x", 1) == 0);
    SET(NAME);
    CHECK(run(&nodef, "-C x", 1) == 0);
    CHECK(bind_set(B) == NULL);
    CHECK(run(&receivejob, "-Keep", 1) == 0);
    CHECK(run(&startjob, "-Name x", 1) == 0);
    CHECK(run(&receivejob, "-Location x", 1) == 0);
    /* ... but a set already decided by the arguments is checked before the input */
    CHECK(run(&startjob, "-DefinitionPath p", 1) == -1);
    CHECK_STR(E.fqid, "MissingMandatoryParameter,Microsoft.PowerShell.Commands.StartJobCommand");
    CHECK_STR(E.msg, "Cannot process command because of one or more missing mandatory "
                     "parameters: DefinitionName.");
}

static void test_common_real(void)
{
    int k;
    OK(getjob, "-ErrorAction stop -Verbose -OutVariable o -ev e -OutBuffer 10");
    k = bind_plan_find(P, "ErrorAction");
    CHECK(k >= 0 && bind_plan_is_common(P, k));
    VAL("ErrorAction", "String Stop");
    CHECK(bind_enum_value(&bind_type_actionpref, bind_value(B, k)) == 1);
    VAL("Verbose", "Boolean True");
    VAL("OutVariable", "String o");
    VAL("ErrorVariable", "String e");
    VAL("OutBuffer", "Int32 10");
    SET(SID);
    OK(getjob, "-ea 0 -wa Inquire -infa ignore -proga Continue");
    VAL("ErrorAction", "String SilentlyContinue");
    VAL("WarningAction", "String Inquire");
    VAL("InformationAction", "String Ignore");
    VAL("ProgressAction", "String Continue");
    OK(getjob, "-PipelineVariable p -db -iv i -wv w");
    VAL("PipelineVariable", "String p");
    VAL("Debug", "Boolean True");
    VAL("InformationVariable", "String i");
    VAL("WarningVariable", "String w");
    /* WhatIf/Confirm only with SupportsShouldProcess */
    OK(stopjob, "-Id 1 -WhatIf -cf:$false");
    VAL("WhatIf", "Boolean True");
    VAL("Confirm", "Boolean False");
    FAILS(getjob, "-WhatIf", "NamedParameterNotFound,Microsoft.PowerShell.Commands.GetJobCommand",
          "A parameter cannot be found that matches parameter name 'WhatIf'.");
    CHECK(bind_plan_nparams(P) == 12 + 12);
    done();
    P = bind_plan_new(&stopjob);
    CHECK(bind_plan_nparams(P) == 7 + 14);
    CHECK_STR(bind_plan_name(P, 20), "Confirm");
    CHECK(!bind_plan_is_common(P, 6));
    CHECK(bind_plan_find(P, "cf") == 20);
    CHECK(bind_plan_find(P, "nope") == -1);
    {
        int idx[8];
        CHECK(bind_plan_complete(P, "p", 1, idx, 8) == 3);
        CHECK_STR(bind_plan_name(P, idx[0]), "PassThru");
        CHECK_STR(bind_plan_name(P, idx[1]), "ProgressAction");
        CHECK_STR(bind_plan_name(P, idx[2]), "PipelineVariable");
        CHECK(bind_plan_complete(P, "", 0, idx, 8) == 8);
        CHECK(bind_plan_complete(P, "zz", 2, idx, 8) == 0);
        CHECK(bind_plan_complete(P, "WHATIF", 6, idx, 8) == 1);
    }
    bind_plan_free(P);
    P = NULL;
}

static void test_splatting(void)
{
    /* @{Id = 1; Any = $true} */
    OK(waitjob, "@Id=1 @Any=$true");
    VAL("Id", "Int32[] 1");
    VAL("Any", "Boolean True");
    /* an explicit argument overrides the splatted one, before or after it (PS 7.1+) */
    OK(waitjob, "@Timeout=5 -Timeout 9 -Id 1");
    VAL("Timeout", "Int32 9");
    OK(waitjob, "-Timeout 9 @Timeout=5 -Id 1");
    VAL("Timeout", "Int32 9");
    /* ... also through a prefix or an alias */
    OK(waitjob, "@TimeoutSec=5 -ti 9 -Id 1");
    VAL("Timeout", "Int32 9");
    /* @{Force = $false} is -Force:$false */
    OK(receivejob, "@Force=$false $j");
    VAL("Force", "Boolean False");
    CHECK(bind_bound(B, bind_plan_find(P, "Force")) == 1);
    /* array splat: positional arguments */
    OK(receivejob, "@@$j @@loc");
    VAL("Job", "Object[] System.Management.Automation.PSRemotingJob");
    VAL("Location", "String[] loc");
    /* mixed with explicit arguments */
    OK(getjob, "@Name=x,y -Inc");
    SET(NAME);
    VAL("Name", "String[] x,y");
    VAL("IncludeChildJob", "Boolean True");
    FAILS(waitjob, "@Bogus=1 -Id 1",
          "NamedParameterNotFound,Microsoft.PowerShell.Commands.WaitJobCommand",
          "A parameter cannot be found that matches parameter name 'Bogus'.");
    CHECK(E.node == &nodes[0]);
    FAILS(waitjob, "@Id=1 @Name=x",
          "AmbiguousParameterSet,Microsoft.PowerShell.Commands.WaitJobCommand",
          "Parameter set cannot be resolved using the specified named parameters. One or more "
          "parameters issued cannot be used together or an insufficient number of parameters were "
          "provided.");
}

static void test_remaining(void)
{
    OK(testv, "Red a b 3");
    VAL("Color", "String Red");
    VAL("Rest", "Object[] a,b,3");
    OK(testv, "Red x");
    VAL("Rest", "Object[] x");
    OK(testv, "Blue");
    VAL("Rest", "-");
    OK(testv, "-Rest 1,2 Red");
    VAL("Rest", "Object[] 1,2");
    VAL("Color", "String Red");
    OK(testv, "-Code a1 Red one two");
    VAL("Rest", "Object[] one,two");
    VAL("Code", "String a1");
    /* unknown names are remaining arguments too, in the order written */
    OK(testv, "Red a -foo:bar b -x");
    VAL("Rest", "Object[] a,-foo:,bar,b,-x");
    /* ... unless the remaining-arguments parameter is already bound */
    FAILS(testv, "-Rest 1 -foo", "NamedParameterNotFound,Test-V",
          "A parameter cannot be found that matches parameter name 'foo'.");
    CHECK(E.node == &nodes[2]);
    FAILS(testv, "-Rest 1 Red 2", "PositionalParameterNotFound,Test-V",
          "A positional parameter cannot be found that accepts argument '2'.");
}

static int pipe(Value obj)
{
    memset(&E, 0, sizeof E);
    return bind_input(B, obj, &E);
}

static int pipe_str(const char *text)
{
    Value v = val_str(text);
    int rc = pipe(v);
    val_unref(v);
    return rc;
}

static void test_pipeline(void)
{
    Value o, h;
    /* a job into Wait-Job binds -Job by value (JobParameterSet) */
    CHECK(run(&waitjob, "-Timeout 1", 1) == 0);
    CHECK(pipe(J3) == 0);
    SET(JOBS);
    VAL("Job", "Object[] System.Management.Automation.PSRemotingJob");
    CHECK(bind_bound(B, bind_plan_find(P, "Job")) == 2);
    VAL("Timeout", "Int32 1");
    CHECK(bind_bound(B, bind_plan_find(P, "Timeout")) == 1);
    /* the next object: the previous binding is undone first */
    CHECK(pipe(J5) == 0);
    VAL("Job", "Object[] System.Management.Automation.PSRemotingJob");
    /* an int has no Job conversion and no properties: not bound */
    CHECK(pipe(val_int(4)) == -1);
    CHECK_STR(E.fqid, "InputObjectNotBound,Microsoft.PowerShell.Commands.WaitJobCommand");
    CHECK_STR(E.msg, "The input object cannot be bound to any parameters for the command either "
                     "because the command does not take pipeline input or the input and its "
                     "properties do not match any of the parameters that take pipeline input.");
    CHECK(E.cat == ERRCAT_INVALIDARGUMENT);
    VAL("Job", "-");
    /* a job into Get-Job binds -Id by property name, in the default set */
    CHECK(run(&getjob, "", 1) == 0);
    CHECK(pipe(J3) == 0);
    SET(SID);
    VAL("Id", "Int32[] 3");
    VAL("Name", "-");
    VAL("InstanceId", "-");
    CHECK(bind_bound(B, bind_plan_find(P, "Id")) == 2);
    CHECK(pipe(J5) == 0);
    VAL("Id", "Int32[] 5");
    /* [pscustomobject]@{Command='*Get-Process*'} | Get-Job */
    o = object_new_custom();
    setp(o, "Command", 7, val_str("*Get-Process*"));
    CHECK(pipe(o) == 0);
    SET(CMDS);
    VAL("Command", "String[] *Get-Process*");
    VAL("Id", "-");
    val_unref(o);
    /* by property name with coercion: Id = '8' */
    o = object_new_custom();
    setp(o, "Id", 2, val_str("8"));
    CHECK(pipe(o) == 0);
    SET(SID);
    VAL("Id", "Int32[] 8");
    val_unref(o);
    /* a property of the wrong type everywhere: Name = 5 converts (Name is string[]) */
    o = object_new_custom();
    setp(o, "Name", 4, val_int(5));
    CHECK(pipe(o) == 0);
    SET(NAME);
    VAL("Name", "String[] 5");
    val_unref(o);
    /* an object with State binds -State */
    o = object_new_custom();
    setp(o, "State", 5, val_str("failed"));
    CHECK(pipe(o) == 0);
    SET(STAT);
    VAL("State", "String Failed");
    val_unref(o);
    /* properties for two different sets: pwsh binds both, then cannot resolve the set */
    o = object_new_custom();
    setp(o, "Name", 4, val_str("x"));
    setp(o, "Command", 7, val_str("y"));
    CHECK(pipe(o) == -1);
    CHECK_STR(E.fqid, "AmbiguousParameterSet,Microsoft.PowerShell.Commands.GetJobCommand");
    val_unref(o);
    /* ... while Id (default set) wins alone over the other sets' properties */
    o = object_new_custom();
    setp(o, "Name", 4, val_str("x"));
    setp(o, "Id", 2, val_int(2));
    CHECK(pipe(o) == 0);
    SET(SID);
    VAL("Id", "Int32[] 2");
    VAL("Name", "-");
    val_unref(o);
    /* nothing matches */
    o = object_new_custom();
    setp(o, "Other", 5, val_int(1));
    CHECK(pipe(o) == -1);
    CHECK_STR(E.id, "InputObjectNotBound");
    val_unref(o);
    CHECK(pipe_str("x") == -1);
    CHECK_STR(E.id, "InputObjectNotBound");
    /* Get-Job -Name x with a job piped: Id cannot join the Name set; Name is taken */
    CHECK(run(&getjob, "-Name x", 1) == 0);
    CHECK(pipe(J3) == -1);
    CHECK_STR(E.id, "InputObjectNotBound");
    VAL("Name", "String[] x");
    /* Stop-Job: the job by value even though Id would match by property name */
    CHECK(run(&stopjob, "-PassThru", 1) == 0);
    CHECK(pipe(J3) == 0);
    SET(JOBS);
    VAL("Job", "Object[] System.Management.Automation.PSRemotingJob");
    VAL("Id", "-");
    /* Receive-Job: a hashtable is not a job; -Id by property name? hashtables have no props */
    CHECK(run(&receivejob, "-Keep", 1) == 0);
    h = ht_new(0);
    CHECK(pipe(h) == -1);
    CHECK_STR(E.fqid, "InputObjectNotBound,Microsoft.PowerShell.Commands.ReceiveJobCommand");
    val_unref(h);
    CHECK(pipe(J5) == 0);
    SET("Location");
    VAL("Keep", "Boolean True");
    /* Start-Job: anything binds -InputObject by value */
    CHECK(run(&startjob, "{x}", 1) == 0);
    CHECK(pipe(val_int(1)) == 0);
    VAL("InputObject", "Int32 1");
    SET("ComputerName");
    CHECK(pipe_str("s") == 0);
    VAL("InputObject", "String s");
    /* an object with Name binds Start-Job -Name by property name too */
    o = object_new_custom();
    setp(o, "Name", 4, val_str("nm"));
    CHECK(pipe(o) == 0);
    VAL("Name", "String nm");
    VAL("InputObject", "PSCustomObject @{Name=nm}");
    val_unref(o);
    CHECK(pipe(J3) == 0);
    VAL("Name", "String Job3");
    /* a command without pipeline parameters */
    CHECK(run(&testv, "", 1) == 0);
    CHECK(pipe(val_int(1)) == -1);
    CHECK_STR(E.fqid, "InputObjectNotBound,Test-V");
    /* validation failures in pipeline binding are reported */
    CHECK(run(&waitjob, "", 1) == 0);
    o = object_new_custom();
    setp(o, "Name", 4, val_str("n"));
    CHECK(pipe(o) == 0);
    SET(NAME);
    val_unref(o);
}

/* The real job objects of jobs/job.h. */
static void test_real_jobs(void)
{
    JobTable *t = job_table_new();
    JobSpec spec = {.kind = JOB_KIND_BACKGROUND, .name = "build", .command = "make"};
    Job *j = job_new(t, &spec);
    Value v = job_value(j);
    char want[64];
    snprintf(want, sizeof want, "Int32[] %d", job_id(j));
    /* $job | Get-Job: -Id by property name */
    CHECK(run(&getjob, "", 1) == 0);
    CHECK(pipe(v) == 0);
    SET(SID);
    VAL("Id", want);
    /* $job | Wait-Job: -Job by value */
    CHECK(run(&waitjob, "-Timeout 1", 1) == 0);
    CHECK(pipe(v) == 0);
    SET(JOBS);
    CHECK(val_identical(arr_peek(bind_value(B, bind_plan_find(P, "Job")), 0), v));
    /* Remove-Job -Job $job (named) and Stop-Job $job (positional, by type) */
    done();
    P = bind_plan_new(&stopjob);
    B = bind_new(P);
    BindArg a = {.name = NULL, .nlen = 0, .val = v, .has_val = 1, .node = &nodes[0]};
    CHECK(bind_args(B, &a, 1, 0, &E) == 0);
    SET(JOBS);
    CHECK(val_identical(arr_peek(bind_value(B, 1), 0), v));
    done();
    val_unref(v);
    job_unref(j);
    job_table_unref(t);
}

static void test_syntax_line(const CmdDecl *d, int k, const char *want)
{
    BindPlan *p = bind_plan_new(d);
    StrBuf sb = {0};
    if (k < bind_plan_nsets(p)) bind_syntax_line(p, k, &sb);
    CHECK_STR(sb_str(&sb), want);
    sb_free(&sb);
    bind_plan_free(p);
}

static void test_syntax(void)
{
    BindPlan *p = bind_plan_new(&getjob);
    CHECK(bind_plan_nsets(p) == 6);
    CHECK_STR(bind_plan_set(p, 0), SID);
    CHECK_STR(bind_plan_set(p, 1), IID);
    CHECK_STR(bind_plan_set(p, 5), FILT);
    bind_plan_free(p);
    test_syntax_line(&getjob, 0,
                     "Get-Job [[-Id] <int[]>] [-IncludeChildJob] [-ChildJobState <JobState>] "
                     "[-HasMoreData <bool>] [-Before <datetime>] [-After <datetime>] [-Newest "
                     "<int>] [<CommonParameters>]");
    test_syntax_line(&getjob, 1,
                     "Get-Job [-InstanceId] <guid[]> [-IncludeChildJob] [-ChildJobState "
                     "<JobState>] [-HasMoreData <bool>] [-Before <datetime>] [-After <datetime>] "
                     "[-Newest <int>] [<CommonParameters>]");
    test_syntax_line(&getjob, 2,
                     "Get-Job [-Name] <string[]> [-IncludeChildJob] [-ChildJobState <JobState>] "
                     "[-HasMoreData <bool>] [-Before <datetime>] [-After <datetime>] [-Newest "
                     "<int>] [<CommonParameters>]");
    test_syntax_line(&getjob, 4,
                     "Get-Job [-IncludeChildJob] [-ChildJobState <JobState>] [-HasMoreData <bool>] "
                     "[-Before <datetime>] [-After <datetime>] [-Newest <int>] [-Command "
                     "<string[]>] [<CommonParameters>]");
    test_syntax_line(&getjob, 5, "Get-Job [-Filter] <hashtable> [<CommonParameters>]");
    test_syntax_line(&receivejob, 0,
                     "Receive-Job [-Job] <Job[]> [[-Location] <string[]>] [-Keep] [-NoRecurse] "
                     "[-Force] [-Wait] [-AutoRemoveJob] [-WriteEvents] [-WriteJobInResults] "
                     "[<CommonParameters>]");
    test_syntax_line(&receivejob, 1,
                     "Receive-Job [-Job] <Job[]> [[-ComputerName] <string[]>] [-Keep] [-NoRecurse] "
                     "[-Force] [-Wait] [-AutoRemoveJob] [-WriteEvents] [-WriteJobInResults] "
                     "[<CommonParameters>]");
    test_syntax_line(
        &stopjob, 0,
        "Stop-Job [-Id] <int[]> [-PassThru] [-WhatIf] [-Confirm] [<CommonParameters>]");
    test_syntax_line(
        &stopjob, 1,
        "Stop-Job [-Job] <Job[]> [-PassThru] [-WhatIf] [-Confirm] [<CommonParameters>]");
    test_syntax_line(
        &waitjob, 0,
        "Wait-Job [-Id] <int[]> [-Any] [-Timeout <int>] [-Force] [<CommonParameters>]");
    test_syntax_line(&waitjob, 4,
                     "Wait-Job [-State] <JobState> [-Any] [-Timeout <int>] [-Force] "
                     "[<CommonParameters>]");
    test_syntax_line(&removejob, 6,
                     "Remove-Job [-Command] <string[]> [-WhatIf] [-Confirm] [<CommonParameters>]");
    test_syntax_line(&removejob, 0,
                     "Remove-Job [-Id] <int[]> [-Force] [-WhatIf] [-Confirm] [<CommonParameters>]");
    test_syntax_line(&startjob, 0,
                     "Start-Job [-ScriptBlock] <scriptblock> [[-InitializationScript] "
                     "<scriptblock>] [-Name <string>] [-ArgumentList <Object[]>] [-InputObject "
                     "<psobject>] [-Authentication <AuthenticationMechanism>] [-RunAs32] "
                     "[-PSVersion <version>] [-WorkingDirectory <string>] [<CommonParameters>]");
    test_syntax_line(&startjob, 2,
                     "Start-Job [[-InitializationScript] <scriptblock>] -LiteralPath <string> "
                     "[-Name <string>] [-ArgumentList <Object[]>] [-InputObject <psobject>] "
                     "[-Authentication <AuthenticationMechanism>] [-RunAs32] [-PSVersion "
                     "<version>] [-WorkingDirectory <string>] [<CommonParameters>]");
    test_syntax_line(&startjob, 3,
                     "Start-Job [-DefinitionName] <string> [[-DefinitionPath] <string>] [[-Type] "
                     "<string>] [-WorkingDirectory <string>] [<CommonParameters>]");
    test_syntax_line(&nodef, 0, "Test-NoDefault -A <string> [-C <string>] [<CommonParameters>]");
}

/* Script functions: the run-time builder. */
static void test_builder(void)
{
    /* function f($a, [int]$b, [switch]$s) -- simple: implicit positions, $args */
    DeclBuilder *db = decl_new("f", BD_SIMPLE | BD_SCRIPT);
    CHECK(decl_param(db, "a", TY_OBJECT, 0, NULL) == 0);
    CHECK(decl_param(db, "b", TY_INT32, 0, NULL) == 1);
    decl_param(db, "s", TY_SWITCH, 0, NULL);
    const CmdDecl *d = decl_finish(db);
    CHECK(d->nparams == 3);
    OK(*d, "x 2 y -s -zz:1");
    VAL("a", "String x");
    VAL("b", "Int32 2");
    VAL("s", "Boolean True");
    {
        StrBuf sb = {0};
        Value ex = bind_extra(B);
        convert_append_string(ex, NULL, &sb);
        CHECK_STR(sb_str(&sb), "y -zz: 1");
        sb_free(&sb);
    }
    CHECK(bind_plan_nparams(P) == 3);
    FAILS(*d, "x abc", "ParameterArgumentTransformationError,f",
          "Cannot process argument transformation on parameter 'b'. Cannot convert value \"abc\" "
          "to type \"System.Int32\". Error: \"The input string 'abc' was not in a correct "
          "format.\"");
    CHECK(E.cat == ERRCAT_INVALIDDATA);
    OK(*d, "-a:p,q");
    VAL("a", "Object[] p,q");
    test_syntax_line(d, 0, "f [[-a] <Object>] [[-b] <int>] [-s]");
    done();
    decl_free(db);

    /* [string] in a simple function joins an array */
    db = decl_new("g", BD_SIMPLE | BD_SCRIPT);
    decl_param(db, "t", TY_STRING, 0, NULL);
    d = decl_finish(db);
    OK(*d, "a,b");
    VAL("t", "String a b");
    done();
    decl_free(db);

    /* [CmdletBinding(DefaultParameterSetName='ByName')]
       param([Parameter(Mandatory, Position=0, ParameterSetName='ByName')][Alias('n')]
             [ValidateSet('x','y')][string]$Name,
             [Parameter(Mandatory, ParameterSetName='ById', ValueFromPipelineByPropertyName)]
             [ValidateRange(1,9)][int]$Id,
             [Parameter(ValueFromPipeline)][object]$InputObject,
             [ValidateCount(1,2)][string[]]$Tag, [ValidatePattern('^a')]$P,
             [ValidateNotNullOrEmpty()]$Q) */
    db = decl_new("h", BD_SCRIPT);
    int kn = decl_param(db, "Name", TY_STRING, 0, NULL);
    decl_use(db, kn, "ByName", 0, BP_MANDATORY);
    decl_alias(db, kn, "n");
    decl_alias(db, kn, "nm");
    const char *const xy[] = {"x", "y"};
    decl_validate_set(db, kn, xy, 2);
    int ki = decl_param(db, "Id", TY_INT32, 0, NULL);
    decl_use(db, ki, "ById", -1, BP_MANDATORY | BP_BYPROP);
    decl_validate_range(db, ki, 1, 9);
    int ko = decl_param(db, "InputObject", TY_OBJECT, 0, NULL);
    decl_use(db, ko, NULL, -1, BP_BYVALUE);
    int kt = decl_param(db, "Tag", TY_STRING, 1, NULL);
    decl_validate_count(db, kt, 1, 2);
    int kp = decl_param(db, "P", TY_OBJECT, 0, NULL);
    decl_validate_pattern(db, kp, "^a");
    int kq = decl_param(db, "Q", TY_OBJECT, 0, NULL);
    decl_validate_flags(db, kq, BV_NOTNULLOREMPTY);
    decl_default_set(db, "ByName");
    d = decl_finish(db);
    OK(*d, "x");
    SET("ByName");
    VAL("Name", "String x");
    FAILS(*d, "-Name x,y", "ParameterArgumentTransformationError,h",
          "Cannot process argument transformation on parameter 'Name'. Cannot convert value to "
          "type System.String.");
    OK(*d, "-nm y -Verbose");
    VAL("Name", "String y");
    VAL("Verbose", "Boolean True");
    FAILS(*d, "z", "ParameterArgumentValidationError,h",
          "Cannot validate argument on parameter 'Name'. The argument \"z\" does not belong to the "
          "set \"x,y\" specified by the ValidateSet attribute. Supply an argument that is in the "
          "set and then try the command again.");
    FAILS(*d, "-Id 0", "ParameterArgumentValidationError,h",
          "Cannot validate argument on parameter 'Id'. The 0 argument is less than the minimum "
          "allowed range of 1. Supply an argument that is greater than or equal to 1 and then try "
          "the command again.");
    OK(*d, "-Id 3");
    SET("ById");
    FAILS(*d, "", "MissingMandatoryParameter,h",
          "Cannot process command because of one or more missing mandatory parameters: Name.");
    FAILS(*d, "x -Tag a,b,c", "ParameterArgumentValidationError,h",
          "Cannot validate argument on parameter 'Tag'. The parameter requires at least 1 "
          "value(s) and no more than 2 value(s) - 3 value(s) were provided.");
    FAILS(*d, "x -P b", "ParameterArgumentValidationError,h",
          "Cannot validate argument on parameter 'P'. The argument \"b\" does not match the \"^a\" "
          "pattern. Supply an argument that matches \"^a\" and try the command again.");
    OK(*d, "x -P Abc");
    FAILS(*d, "x -Q ''", "ParameterArgumentValidationError,h",
          "Cannot validate argument on parameter 'Q'. The argument is null or empty. Provide an "
          "argument that is not null or empty, and then try the command again.");
    FAILS(*d, "x -Zork 1", "NamedParameterNotFound,h",
          "A parameter cannot be found that matches parameter name 'Zork'.");
    /* only the parameter with Position=0 is positional */
    FAILS(*d, "x y", "PositionalParameterNotFound,h",
          "A positional parameter cannot be found that accepts argument 'y'.");
    /* pipeline: by value to InputObject, by property name to Id */
    CHECK(run(d, "", 1) == 0);
    {
        Value o = object_new_custom();
        setp(o, "Id", 2, val_int(4));
        CHECK(pipe(o) == 0);
        SET("ById");
        VAL("Id", "Int32 4");
        VAL("InputObject", "PSCustomObject @{Id=4}");
        val_unref(o);
    }
    CHECK(pipe(val_int(1)) == -1);
    CHECK_STR(E.fqid, "InputObjectMissingMandatory,h");
    CHECK_STR(E.msg, "The input object cannot be bound because it did not contain the information "
                     "required to bind all mandatory parameters:  Name");
    {
        Value bp = bind_bound_params(B);
        CHECK(ht_count(bp) == 1);
        val_unref(bp);
    }
    test_syntax_line(d, 0,
                     "h [-Name] <string> [-InputObject <Object>] [-Tag <string[]>] [-P <Object>] "
                     "[-Q <Object>] [<CommonParameters>]");
    test_syntax_line(d, 1,
                     "h -Id <int> [-InputObject <Object>] [-Tag <string[]>] [-P <Object>] [-Q "
                     "<Object>] [<CommonParameters>]");
    done();
    decl_free(db);

    /* [CmdletBinding(PositionalBinding=$false)] param($a, $b) */
    db = decl_new("k", BD_SCRIPT | BD_NOPOSITIONAL);
    decl_param(db, "a", TY_OBJECT, 0, NULL);
    decl_param(db, "b", TY_OBJECT, 0, NULL);
    d = decl_finish(db);
    FAILS(*d, "1", "PositionalParameterNotFound,k",
          "A positional parameter cannot be found that accepts argument '1'.");
    OK(*d, "-b 2");
    VAL("b", "Int32 2");
    SET(BIND_ALLSETS);
    test_syntax_line(d, 0, "k [-a <Object>] [-b <Object>] [<CommonParameters>]");
    done();
    decl_free(db);

    /* ValueFromRemainingArguments in a function with implicit positions */
    db = decl_new("r", BD_SCRIPT);
    decl_param(db, "first", TY_OBJECT, 0, NULL);
    int kr = decl_param(db, "rest", TY_STRING, 1, NULL);
    decl_use(db, kr, NULL, -1, BP_REMAINING);
    d = decl_finish(db);
    OK(*d, "1 2 3");
    VAL("first", "Int32 1");
    VAL("rest", "String[] 2,3");
    OK(*d, "1");
    VAL("rest", "-");
    done();
    decl_free(db);
}

/* command.h's ParamSpec tables through the binder (Where-Object's shape). */
static const ParamSpec where_specs[] = {
    {"InputObject", NULL, TY_PSOBJECT, 0, -1, PS_PIPELINE},
    {"FilterScript", NULL, TY_SCRIPTBLOCK, 0, 0, PS_MANDATORY},
    {"Property", NULL, TY_STRING, 0, -1, 0},
    {"Not", NULL, TY_OBJECT, 0, -1, PS_SWITCH},
    {"Rest", "r", TY_OBJECT, 1, -1, PS_REMAINING},
};

static void test_specs(void)
{
    DeclBuilder *db = decl_from_specs("Where-Object", where_specs, 5, 0);
    const CmdDecl *d = decl_finish(db);
    OK(*d, "{$_} -Not");
    VAL("FilterScript", "ScriptBlock $_");
    VAL("Not", "Boolean True");
    SET(BIND_ALLSETS);
    FAILS(*d, "-Property a", "MissingMandatoryParameter,Where-Object",
          "Cannot process command because of one or more missing mandatory parameters: "
          "FilterScript.");
    /* x does not convert at position 0, so ValueFromRemainingArguments collects it */
    FAILS(*d, "x", "MissingMandatoryParameter,Where-Object",
          "Cannot process command because of one or more missing mandatory parameters: "
          "FilterScript.");
    VAL("Rest", "Object[] x");
    OK(*d, "{1} 2 3");
    VAL("Rest", "Object[] 2,3");
    OK(*d, "-r:4 {1}");
    VAL("Rest", "Object[] 4");
    CHECK(run(d, "{1}", 1) == 0);
    CHECK(pipe(val_int(5)) == 0);
    VAL("InputObject", "Int32 5");
    test_syntax_line(d, 0,
                     "Where-Object [-FilterScript] <scriptblock> [-InputObject <psobject>] "
                     "[-Property <string>] [-Not] [-Rest <Object[]>] [<CommonParameters>]");
    /* an unknown name goes to ValueFromRemainingArguments, as text */
    OK(*d, "{1} -Nope 1");
    VAL("Rest", "Object[] -Nope,1");
    /* the error record */
    FAILS(testpos, "-Nope 1", "NamedParameterNotFound,Test-Pos",
          "A parameter cannot be found that matches parameter name 'Nope'.");
    Value rec = bind_error_rec(&E, NULL, "Test-Pos", NULL);
    CHECK(errrec_is(rec));
    CHECK_STR(errrec_id(rec), "NamedParameterNotFound,Test-Pos");
    CHECK_STR(errrec_message(rec),
              "A parameter cannot be found that matches parameter name 'Nope'.");
    CHECK_STR(errrec_command(rec), "Test-Pos");
    CHECK(errrec_exc(rec) == EXC_PARAMBIND);
    CHECK(errrec_matches(rec, "ParameterBindingException", 25));
    val_unref(rec);
    done();
    decl_free(db);
}

/* The one-shot ParamSpec entry point. */
static void test_bind_specs(void)
{
    Value out[5], extra;
    unsigned char bound[5];
    BindError e;
    done();
    snprintf(argbuf, sizeof argbuf, "{x} -Not 5");
    parse_args(argbuf);
    CHECK(bind_specs(where_specs, 5, A, NA, out, bound, NULL, "Where-Object", &e) == 0);
    CHECK(bound[1] == 1 && bound[3] == 1 && bound[0] == 0 && bound[4] == 1);
    CHECK(out[3].kind == VAL_BOOL && out[3].as.b == 1);
    CHECK(val_is_array(out[4]) && arr_len(out[4]) == 1);
    for (int i = 0; i < 5; i++)
        val_unref(out[i]);
    done();
    /* a simple function's leftovers */
    snprintf(argbuf, sizeof argbuf, "{x} -Zip:1");
    parse_args(argbuf);
    CHECK(bind_specs(where_specs, 3, A, NA, out, bound, &extra, "f", &e) == 0);
    CHECK(val_is_array(extra) && arr_len(extra) == 2);
    val_unref(extra);
    for (int i = 0; i < 3; i++)
        val_unref(out[i]);
    done();
    /* errors come back as records to be */
    snprintf(argbuf, sizeof argbuf, "-Property a");
    parse_args(argbuf);
    CHECK(bind_specs(where_specs, 3, A, NA, out, bound, NULL, "Where-Object", &e) == -1);
    CHECK_STR(e.fqid, "MissingMandatoryParameter,Where-Object");
    CHECK(val_is_null(out[0]) && bound[2] == 0);
    done();
}

static void test_export(void)
{
    Value out[12];
    unsigned char bound[12];
    OK(getjob, "-Name a -Inc");
    bind_export(B, out, bound);
    CHECK(bound[8] == 1 && bound[1] == 1 && bound[0] == 0);
    CHECK(val_is_array(out[8]));
    CHECK(val_is_null(out[0]));
    for (int i = 0; i < 12; i++)
        val_unref(out[i]);
    Value bp = bind_bound_params(B);
    CHECK(ht_count(bp) == 2);
    Value v;
    CHECK(ht_get_str(bp, "IncludeChildJob", 15, &v) == 1);
    CHECK(v.kind == VAL_BOOL && v.as.b);
    val_unref(v);
    val_unref(bp);
    const BindType *jobstate = param_type(&getjob, "State");
    CHECK(bind_enum_value(jobstate, val_null()) == -1);
    Value s = val_str("stopped");
    CHECK(bind_enum_value(jobstate, s) == 4);
    val_unref(s);
    s = val_str("Kerberos");
    CHECK(bind_enum_value(param_type(&startjob, "Authentication"), s) == 6);
    val_unref(s);
}

/* Robustness: odd inputs never crash (checked under ASan by make asan). */
static void test_robust(void)
{
    CHECK(run(&getjob, "-Id $null", 0) == 0);
    CHECK(run(&getjob, "-Name:$null,$null", 0) == -1);
    CHECK_STR(E.id, "ParameterArgumentValidationErrorEmptyStringNotAllowed");
    CHECK(run(&getjob, "-Command:$null,$null", 0) == 0);
    VAL("Command", "String[] ,");
    CHECK(run(&testv, "-Level $null", 0) == 0);
    CHECK(run(&testv, "-Tags $null", 0) == -1);
    CHECK_STR(E.id, "ParameterArgumentValidationError");
    CHECK(run(&startjob, "-Authentication $null {x}", 0) == -1);
    CHECK_STR(E.id, "CannotConvertArgumentNoMessage");
    CHECK(run(&waitjob, "-Job $null", 0) == -1);
    CHECK_STR(E.msg, "Cannot bind argument to parameter 'Job' because it is null.");
    CHECK(run(&getjob, "-Before nodate", 0) == -1);
    CHECK_STR(E.id, "CannotConvertArgumentNoMessage");
    CHECK(run(&receivejob, "$j @@$null", 0) == 0);
    CHECK(run(&waitjob, "", 1) == 0);
    CHECK(pipe(val_null()) == -1);
    CHECK_STR(E.fqid, "ParameterArgumentValidationErrorNullNotAllowed,Microsoft.PowerShell."
                      "Commands.WaitJobCommand");
    CHECK_STR(E.msg, "Cannot bind argument to parameter 'Job' because it is null.");
    CHECK(run(&getjob, "", 1) == 0);
    CHECK(pipe(val_null()) == -1);
    CHECK_STR(E.id, "InputObjectNotBound");
}

/* ---- 2026-11-24: hooks, ValidateLength, switches, the trivial input path ---- */

/* [ValidateScript()] stand-in: the value must be an even Int32; "boom" fails the script. */
static int fake_validate(void *ctx, const void *script, Value arg, int *ok, char *why, size_t n)
{
    (*(int *)ctx)++;
    if (val_is_str(arg) && strcmp(val_str_data(arg), "boom") == 0)
        return snprintf(why, n, "it broke"), -1;
    *ok = val_is_integer(arg) && arg.as.i % 2 == 0;
    return 0;
}

/* delay-bind stand-in: "old_" + the input's text. */
static int fake_delay(void *ctx, Value script, Value input, Value *out, char *why, size_t n)
{
    StrBuf sb = {0};
    sb_puts(&sb, "old_");
    convert_append_string(input, NULL, &sb);
    *out = val_str_take_sb(&sb);
    return 0;
}

static int fake_is_script(Value v)
{
    return val_is(v, &cls_scriptblock);
}

static int hook_calls;
static const BindHooks fake_hooks = {&hook_calls, fake_validate, fake_delay, fake_is_script};

/* run() with the fake hooks installed before the arguments are bound. */
static int run_hooked(const CmdDecl *d, const char *args, int piped)
{
    done();
    snprintf(argbuf, sizeof argbuf, "%s", args);
    memset(&E, 0, sizeof E);
    P = bind_plan_new(d);
    B = bind_new(P);
    bind_set_hooks(B, &fake_hooks);
    parse_args(argbuf);
    return bind_args(B, A, NA, piped, &E);
}

static void test_h1_hooks(void)
{
    static const char sb_marker = 0;
    DeclBuilder *db = decl_new("Test-H", BD_SCRIPT);
    decl_param(db, "Code", TY_STRING, 0, NULL);
    decl_validate_length(db, 0, 2, 3);
    decl_param(db, "Even", TY_OBJECT, 0, NULL);
    decl_validate_script(db, 1, &sb_marker, " $_ % 2 -eq 0 ");
    decl_param(db, "NewName", TY_STRING, 0, NULL);
    decl_use(db, 2, NULL, -1, BP_BYPROP);
    decl_param(db, "InputObject", TY_STRING, 0, NULL);
    decl_use(db, 3, NULL, -1, BP_BYVALUE);
    decl_param(db, "On", TY_SWITCH, 0, NULL);
    const CmdDecl *d = decl_finish(db);
    CHECK(run_hooked(d, "-Code ab -Even 4", 0) == 0);
    CHECK(hook_calls == 1);
    CHECK(run_hooked(d, "-Code abcd", 0) == -1);
    CHECK_STR(E.fqid, "ParameterArgumentValidationError,Test-H");
    CHECK_STR(E.msg, "Cannot validate argument on parameter 'Code'. The character length of the 4 "
                     "argument is too long. Shorten the character length of the argument so it "
                     "is fewer than or equal to \"3\" characters, and then try the command again.");
    CHECK(run_hooked(d, "-Code a", 0) == -1);
    CHECK_STR(E.msg, "Cannot validate argument on parameter 'Code'. The character length (1) of "
                     "the argument is too short. Specify an argument with a length that is "
                     "greater than or equal to \"2\", and then try the command again.");
    CHECK(run_hooked(d, "-Even 3", 0) == -1);
    CHECK_STR(E.msg, "Cannot validate argument on parameter 'Even'. The \" $_ % 2 -eq 0 \" "
                     "validation script for the argument with value \"3\" did not return a "
                     "result of True. Determine why the validation script failed, and then try "
                     "the command again.");
    CHECK(run_hooked(d, "-Even boom", 0) == -1);
    CHECK_STR(E.msg, "Cannot validate argument on parameter 'Even'. it broke");
    /* without hooks ValidateScript passes */
    OK(*d, "-Even 3");
    /* a script block to a pipeline parameter of another type runs per object */
    CHECK(run_hooked(d, "-NewName {x}", 0) == -1);
    CHECK_STR(E.fqid, "ScriptBlockArgumentNoInput,Test-H");
    CHECK_STR(E.msg, "Cannot evaluate parameter 'NewName' because its argument is specified as a "
                     "script block and there is no input. A script block cannot be evaluated "
                     "without input.");
    CHECK(run_hooked(d, "-NewName {x}", 1) == 0);
    CHECK(pipe_str("a.log") == 0);
    VAL("NewName", "String old_a.log");
    VAL("InputObject", "String a.log");
    CHECK(pipe_str("b.log") == 0);
    VAL("NewName", "String old_b.log");
    /* ... also when given by position (a by-value parameter here) */
    DeclBuilder *pdb = decl_new("Test-P", BD_SCRIPT);
    decl_param(pdb, "Path", TY_STRING, 0, NULL);
    decl_use(pdb, 0, NULL, 0, BP_BYVALUE);
    const CmdDecl *pd = decl_finish(pdb);
    CHECK(run_hooked(pd, "{x}", 1) == 0);
    CHECK(pipe_str("c.log") == 0);
    VAL("Path", "String old_c.log");
    CHECK(run_hooked(pd, "{x}", 0) == -1);
    CHECK_STR(E.id, "ScriptBlockArgumentNoInput");
    done();
    decl_free(pdb);
    /* a script function's switch is a Boolean in a PSObject with IsPresent */
    OK(*d, "-On");
    Value v = bind_value(B, bind_plan_find(P, "On")), ip = val_null();
    CHECK(convert_truthy(v));
    CHECK(val_get_prop(v, "IsPresent", 9, &ip) && ip.kind == VAL_BOOL && ip.as.b);
    val_unref(ip);
    OK(*d, "-On:$false");
    CHECK(!convert_truthy(bind_value(B, bind_plan_find(P, "On"))));
    done();
    decl_free(db);
}

/* The plain [object] pipeline parameter a caller may skip binding per object. */
static void test_h1_trivial(void)
{
    static const ParamSpec one[] = {
        {"InputObject", NULL, TY_OBJECT, 0, -1, PS_PIPELINE},
        {"Value", NULL, TY_INT32, 0, 0, 0},
    };
    static const ParamSpec typed[] = {{"Path", NULL, TY_STRING, 1, 0, PS_PIPELINE}};
    static const ParamSpec none[] = {{"Value", NULL, TY_INT32, 0, 0, 0}};
    struct {
        const ParamSpec *ps;
        int n, takes, trivial;
    } cases[] = {{one, 2, 1, 1}, {typed, 1, 1, 0}, {none, 1, 0, 0}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        DeclBuilder *db = decl_from_specs("T", cases[i].ps, cases[i].n, 0);
        BindPlan *p = bind_plan_new(decl_finish(db));
        CHECK(bind_plan_takes_input(p) == cases[i].takes);
        CHECK(bind_plan_trivial_input(p) == cases[i].trivial);
        bind_plan_free(p);
        decl_free(db);
    }
    /* PS_BYPROP: ValueFromPipelineByPropertyName from a ParamSpec table */
    static const ParamSpec byprop[] = {{"Path", "PSPath", TY_STRING, 1, 0, PS_BYPROP}};
    DeclBuilder *pdb = decl_from_specs("T", byprop, 1, 0);
    const CmdDecl *pd = decl_finish(pdb);
    CHECK(run(pd, "", 1) == 0);
    Value o = object_new_custom();
    Value path = val_str("/tmp/x");
    object_set_prop(o, "PSPath", 6, path);
    val_unref(path);
    CHECK(pipe(o) == 0);
    VAL("Path", "String[] /tmp/x");
    CHECK(pipe_str("no properties") == -1);
    CHECK_STR(E.id, "InputObjectNotBound");
    val_unref(o);
    done();
    decl_free(pdb);
    /* the fast path still binds the object */
    DeclBuilder *db = decl_from_specs("T", one, 2, 0);
    const CmdDecl *d = decl_finish(db);
    CHECK(run(d, "", 1) == 0);
    CHECK(pipe(val_int(7)) == 0);
    VAL("InputObject", "Int32 7");
    CHECK(bind_bound(B, 0) == 2);
    done();
    decl_free(db);
}

/* Bind one positional value v (consumed) for d; the binder stays in B. */
static int run_value(const CmdDecl *d, Value v)
{
    done();
    memset(&E, 0, sizeof E);
    P = bind_plan_new(d);
    B = bind_new(P);
    add_arg(NULL, 0, v, 1, 0);
    return bind_args(B, A, NA, 0, &E);
}

static Value guid_of(const char *text)
{
    Value g = val_null();
    CHECK(mkinds_guid_parse(text, strlen(text), &g));
    return g;
}

/* Positional arguments bind without coercion first, in every set, before any conversion: an
 * argument whose type already is a parameter's type picks that parameter's set. */
static void test_type_first(void)
{
    const char *gt = "a1b2c3d4-0000-1111-2222-333344445555";
    /* Get-Job <Guid>: -InstanceId ([guid[]]) takes it as it is; -Name would need coercion */
    CHECK(run_value(&getjob, guid_of(gt)) == 0);
    SET(IID);
    VAL("InstanceId", "Object[] a1b2c3d4-0000-1111-2222-333344445555");
    VAL("Name", "-");
    /* the same text as a String is a String: -Name, no coercion needed */
    CHECK(run_value(&getjob, val_str(gt)) == 0);
    SET(NAME);
    VAL("InstanceId", "-");

    CHECK(bind_type_named("guid", 4) == &bind_type_guid);
    CHECK(bind_type_named("System.GUID", 11) == &bind_type_guid);
    CHECK(bind_type_named("int", 3) == NULL);

    /* [CmdletBinding(DefaultParameterSetName='N')]
       param([Parameter(ParameterSetName='N', Position=0)][string]$Name,
             [Parameter(ParameterSetName='G', Position=0)][guid]$Guid,
             [Parameter(ParameterSetName='I', Position=0)][int]$Num) */
    DeclBuilder *db = decl_new("f", BD_SCRIPT);
    decl_use(db, decl_param(db, "Name", TY_STRING, 0, NULL), "N", 0, 0);
    decl_use(db, decl_param(db, "Guid", TY_OBJECT, 0, bind_type_named("guid", 4)), "G", 0, 0);
    decl_use(db, decl_param(db, "Num", TY_INT32, 0, NULL), "I", 0, 0);
    decl_default_set(db, "N");
    const CmdDecl *d = decl_finish(db);
    CHECK(run_value(d, guid_of(gt)) == 0);
    SET("G");
    VAL("Guid", "Guid a1b2c3d4-0000-1111-2222-333344445555");
    CHECK(run_value(d, val_int(5)) == 0);
    SET("I");
    VAL("Num", "Int32 5");
    CHECK(run_value(d, val_str("5")) == 0);
    SET("N");
    VAL("Name", "String 5");
    /* no parameter has the Double's type: coercion tries the default set first */
    CHECK(run_value(d, val_double(2.5)) == 0);
    SET("N");
    VAL("Name", "String 2.5");
    done();
    decl_free(db);

    /* param([guid]$x): a string converts; anything else is a transformation error */
    db = decl_new("g", BD_SIMPLE | BD_SCRIPT);
    decl_param(db, "x", TY_OBJECT, 0, &bind_type_guid);
    d = decl_finish(db);
    CHECK(run_value(d, val_str(gt)) == 0);
    VAL("x", "Guid a1b2c3d4-0000-1111-2222-333344445555");
    CHECK(run_value(d, val_int(5)) == -1);
    CHECK_STR(E.fqid, "ParameterArgumentTransformationError,g");
    done();
    decl_free(db);
}

/* Real background jobs (not started): Ids 1 and 2 (its child), then J3 (3, 4), J5 (5, 6). */
static JobTable *jobs_make(void)
{
    JobTable *t = job_table_new();
    JobSpec spec = {.kind = JOB_KIND_BACKGROUND, .command = "sleep 1"};
    Job *j[3];
    for (int i = 0; i < 3; i++) {
        j[i] = job_new(t, &spec);
        job_table_add(t, j[i]);
    }
    J3 = job_value(j[1]);
    J5 = job_value(j[2]);
    for (int i = 0; i < 3; i++)
        job_unref(j[i]);
    return t;
}

int main(void)
{
    getjob = *jobcmds_decl("Get-Job");
    waitjob = *jobcmds_decl("Wait-Job");
    stopjob = *jobcmds_decl("Stop-Job");
    removejob = *jobcmds_decl("Remove-Job");
    receivejob = *jobcmds_decl("Receive-Job");
    startjob = *jobcmds_decl("Start-Job");
    JobTable *t = jobs_make();
    test_named();
    test_named_errors();
    test_switches();
    test_conversion();
    test_conversion_errors();
    test_bool_params();
    test_validation();
    test_positional();
    test_positional_failures();
    test_mandatory();
    test_common_real();
    test_splatting();
    test_remaining();
    test_pipeline();
    test_real_jobs();
    test_syntax();
    test_builder();
    test_specs();
    test_bind_specs();
    test_export();
    test_robust();
    test_h1_hooks();
    test_h1_trivial();
    test_type_first();
    done();
    val_unref(J3);
    val_unref(J5);
    job_table_unref(t);
    return check_done();
}
