/*
** process: Get-Process and Stop-Process (see process.h).  Lookups and the kill itself are
** proc.h's; this file binds the arguments, walks -Name/-Id/-InputObject lists and turns
** FsError records into the cmdlets' non-terminating errors.
*/
#include "cmdlets/process.h"

#include <stdlib.h>
#include <string.h>

#include "cmdlets/items.h"
#include "cmdlets/proc.h"
#include "runtime/array.h"
#include "runtime/convert.h"
#include "runtime/eval.h"
#include "runtime/mem.h"

#define NPARAMS(p) (int)(sizeof(p) / sizeof(p[0]))

static int flag(CmdCtx *c, int i)
{
    return c->bound[i] && convert_truthy(c->arg[i]);
}

/* Element i of an argument that may be a scalar or an array (borrowed). */
static Value elem(Value v, size_t i)
{
    return val_is_array(v) ? arr_peek(v, i) : v;
}

static size_t count(Value v)
{
    return val_is_null(v) ? 0 : val_is_array(v) ? arr_len(v) : 1;
}

/* Every process whose name matches one of the patterns in names, or all when names is $null
 * (object[]; errors written for literal names that match nothing). */
static Value by_names(CmdCtx *c, Value names)
{
    if (val_is_null(names)) return proc_all();
    Value arr = arr_new(TY_OBJECT, 8);
    for (size_t i = 0; i < count(names); i++) {
        Value s = convert_to_string(elem(names, i), NULL);
        FsError err;
        if (proc_find_name(val_str_data(s), arr, &err) < 0) items_write_error(c, &err);
        val_unref(s);
    }
    return arr;
}

/* The processes with the ids in ids (object[]; errors written for missing ones). */
static Value by_ids(CmdCtx *c, Value ids)
{
    Value arr = arr_new(TY_OBJECT, 8);
    for (size_t i = 0; i < count(ids); i++) {
        FsError err;
        Value p = proc_get((int)elem(ids, i).as.i, &err);
        if (val_is_null(p))
            items_write_error(c, &err);
        else
            arr_push(arr, p);
        val_unref(p);
    }
    return arr;
}

/* ========================================================== Get-Process ==== */

enum { GP_NAME, GP_ID, GP_INPUT };
static const ParamSpec gp_params[] = {
    [GP_NAME] =
        {.name = "Name", .alias = "ProcessName", .type = TY_STRING, .is_array = 1, .position = 0},
    [GP_ID] = {.name = "Id", .alias = "PID", .type = TY_INT32, .is_array = 1, .position = -1},
    [GP_INPUT] = {.name = "InputObject",
                  .type = TY_OBJECT,
                  .is_array = 1,
                  .position = -1,
                  .flags = PS_PIPELINE},
};

/* Get-Process [[-Name] <string[]>] [-Id <int[]>] [-InputObject <Process[]>] */
static Status get_process(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    Value list;
    if (c->has_input)
        list = val_ref(c->input);
    else if (c->bound[GP_INPUT])
        list = val_ref(c->arg[GP_INPUT]);
    else if (c->bound[GP_ID])
        list = by_ids(c, c->arg[GP_ID]);
    else
        list = by_names(c, c->bound[GP_NAME] ? c->arg[GP_NAME] : val_null());
    Status st = pipe_emit(c->I, c->out, list);
    val_unref(list);
    return st;
}

/* ========================================================= Stop-Process ==== */

enum { SP_ID, SP_NAME, SP_INPUT, SP_PASSTHRU, SP_FORCE };
static const ParamSpec spp_params[] = {
    [SP_ID] = {.name = "Id", .type = TY_INT32, .is_array = 1, .position = 0},
    [SP_NAME] =
        {.name = "Name", .alias = "ProcessName", .type = TY_STRING, .is_array = 1, .position = -1},
    [SP_INPUT] = {.name = "InputObject",
                  .type = TY_OBJECT,
                  .is_array = 1,
                  .position = -1,
                  .flags = PS_PIPELINE},
    [SP_PASSTHRU] = {.name = "PassThru", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
    [SP_FORCE] = {.name = "Force", .type = TY_SWITCH, .position = -1, .flags = PS_SWITCH},
};

static Status stop_each(CmdCtx *c, Value procs)
{
    Status st = ST_OK;
    for (size_t i = 0; i < count(procs) && !st; i++) {
        Value p = elem(procs, i);
        FsError err;
        if (!proc_is(p)) {
            fs_fail(&err, "NoProcessFoundForGivenId", "ObjectNotFound", "",
                    "Cannot find a process with the process identifier 0.");
            items_write_error(c, &err);
        } else if (proc_stop(p, &err) != 0) {
            items_write_error(c, &err);
        } else if (flag(c, SP_PASSTHRU)) {
            st = pipe_put(c->I, c->out, p);
        }
    }
    return st;
}

/* Stop-Process [-Id] <int[]> | -Name <string[]> | -InputObject <Process[]> [-PassThru]
 *   [-Force] */
static Status stop_process(CmdCtx *c)
{
    if (c->phase != CMD_PROCESS) return ST_OK;
    Value list;
    if (c->has_input)
        list = val_ref(c->input);
    else if (c->bound[SP_INPUT])
        list = val_ref(c->arg[SP_INPUT]);
    else if (c->bound[SP_NAME])
        list = by_names(c, c->arg[SP_NAME]);
    else if (c->bound[SP_ID])
        list = by_ids(c, c->arg[SP_ID]);
    else
        return ST_OK;
    Status st = stop_each(c, list);
    val_unref(list);
    return st;
}

/* ================================================================ table ==== */

void process_register_views(void)
{
    proc_register_views();
}

/* Aliases as pwsh 7.5 defines them on Linux: ps and kill are left to the natives. */
const CmdDef process_table[] = {
    {"Get-Process", "gps", get_process, gp_params, NPARAMS(gp_params)},
    {"Stop-Process", "spps", stop_process, spp_params, NPARAMS(spp_params)},
};
const int process_count = NPARAMS(process_table);
