/*
** registry: families[] lists each cmdlet family's table; cmdlets_open_all walks it.
** Adding a family is one line here plus its file.
*/
#include "cmdlets/registry.h"

#include "cmdlets/content.h"
#include "cmdlets/items.h"
#include "cmdlets/jobcmds.h"
#include "cmdlets/location.h"
#include "cmdlets/data.h"
#include "cmdlets/formatcmds.h"
#include "cmdlets/getmember.h"
#include "cmdlets/output.h"
#include "cmdlets/objects.h"
#include "cmdlets/process.h"
#include "cmdlets/session.h"
#include "cmdlets/variables.h"
#include "cmdlets/utility.h"
#include "runtime/command.h"

typedef struct Family {
    const char *name;   /* for diagnostics */
    const CmdDef *defs; /* the family's table */
    const int *ndefs;   /* its length (an extern const int in the family's file) */
    void (*open)(void); /* one-time set-up (views), or NULL */
} Family;

static const Family families[] = {
    {"objects", objects_table, &objects_count, objects_register_views},
    {"getmember", getmember_table, &getmember_count, getmember_register_views},
    {"utility", utility_table, &utility_count, NULL},
    {"data", data_table, &data_count, NULL},
    {"items", items_table, &items_count, items_register_views},
    {"content", content_table, &content_count, NULL},
    {"location", location_table, &location_count, NULL},
    {"process", process_table, &process_count, process_register_views},
    {"variables", variables_table, &variables_count, NULL},
    {"session", session_table, &session_count, session_register_views},
    {"formatcmds", formatcmds_table, &formatcmds_count, NULL},
    {"output", output_table, &output_count, NULL},
    {"jobcmds", jobcmds_table, &jobcmds_count, jobcmds_register_views},
};

void cmdlets_open_all(Interp *I)
{
    for (size_t i = 0; i < sizeof families / sizeof families[0]; i++) {
        if (families[i].open) families[i].open();
        cmd_register(I, families[i].defs, *families[i].ndefs);
    }
}
