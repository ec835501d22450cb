/*
** statics_sys: the system-facing static classes: [convert] (bases, Base64, hex),
** [environment] (process environment, machine facts) and [System.IO.Path] (POSIX paths,
** GetFullPath relative to MemberCtx.cwd).  Tables for statics.c.
*/
#ifndef PSM_RUNTIME_STATICS_SYS_H
#define PSM_RUNTIME_STATICS_SYS_H

#include "runtime/members_util.h"

extern const MbrMethod sys_convert_statics[];
extern const MbrMethod sys_env_statics[];
extern const MbrProp sys_env_sprops[];
extern const MbrMethod sys_path_statics[];
extern const MbrProp sys_path_sprops[];

#endif
