/*
** pathinfo: the PathInfo object class (see pathinfo.h).
*/
#include "runtime/pathinfo.h"

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

static int pathinfo_get(Value self, const char *name, size_t len, Value *out)
{
    if (!str_ieq_slice(name, len, "Path") && !str_ieq_slice(name, len, "ProviderPath")) return 0;
    *out = val_ref(((PathInfo *)self.as.o)->path);
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
