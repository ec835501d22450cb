/*
** pathinfo: the PathInfo object class (see pathinfo.h).
*/
#include "runtime/pathinfo.h"

#include <string.h>

#include "runtime/mem.h"
#include "runtime/object.h"
#include "runtime/strbuf.h"

typedef struct PathInfo {
    Obj obj;
    Value path;
} PathInfo;

static void pathinfo_free(Obj *o)
{
    val_unref(((PathInfo *)o)->path);
}

static void pathinfo_string(Value self, StrBuf *out)
{
    Value p = ((PathInfo *)self.as.o)->path;
    sb_append(out, val_str_data(p), val_str_len(p));
}

/* The provider of each drive a location can be on; a path without one of these drive
 * prefixes is on the file system's "/" drive. */
static const struct {
    const char *drive, *provider;
} drive_providers[] = {
    {"Env", "Microsoft.PowerShell.Core\\Environment"},
    {"Variable", "Microsoft.PowerShell.Core\\Variable"},
    {"Function", "Microsoft.PowerShell.Core\\Function"},
    {"Alias", "Microsoft.PowerShell.Core\\Alias"},
};

#define FS_PROVIDER "Microsoft.PowerShell.Core\\FileSystem"

/* Index in drive_providers of the drive path is on, or -1 for the file system. */
static int drive_index(const char *path)
{
    const char *colon = strchr(path, ':');
    if (!colon || path[0] == '/') return -1;
    for (int i = 0; i < (int)(sizeof drive_providers / sizeof drive_providers[0]); i++)
        if (str_ieq_slice(path, (size_t)(colon - path), drive_providers[i].drive)) return i;
    return -1;
}

/* Drive and Provider are their names (what PSDriveInfo and ProviderInfo print). */
static int pathinfo_get(Value self, const char *name, size_t len, Value *out)
{
    Value path = ((PathInfo *)self.as.o)->path;
    int d = drive_index(val_str_data(path));
    if (str_ieq_slice(name, len, "Path") || str_ieq_slice(name, len, "ProviderPath"))
        *out = val_ref(path);
    else if (str_ieq_slice(name, len, "Drive"))
        *out = val_str(d < 0 ? "/" : drive_providers[d].drive);
    else if (str_ieq_slice(name, len, "Provider"))
        *out = val_str(d < 0 ? FS_PROVIDER : drive_providers[d].provider);
    else
        return 0;
    return 1;
}

static size_t pathinfo_nprops(Value self)
{
    return 1;
}

static void pathinfo_at(Value self, size_t i, const char **name, size_t *len, Value *val)
{
    *name = "Path";
    *len = 4;
    *val = ((PathInfo *)self.as.o)->path;
}

static const ObjClass cls_pathinfo = {.name = "PathInfo",
                                      .full_name = "System.Management.Automation.PathInfo",
                                      .type = TY_OTHER,
                                      .free = pathinfo_free,
                                      .to_string = pathinfo_string,
                                      .get_prop = pathinfo_get,
                                      .nprops = pathinfo_nprops,
                                      .prop_at = pathinfo_at};

Value pathinfo_new(const char *path)
{
    PathInfo *p = (PathInfo *)obj_alloc(&cls_pathinfo, sizeof(PathInfo));
    p->path = val_str(path);
    return val_obj_take(&p->obj);
}
